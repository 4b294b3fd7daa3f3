resource "azurerm_key_vault_key" "data" {
  name            = "data"
  key_vault_id    = azurerm_key_vault.main.id
  key_type        = "RSA-HSM"
  key_size        = 2048
  expiration_date = "2027-12-31T00:00:00Z"
}
