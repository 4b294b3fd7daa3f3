resource "azurerm_key_vault_key" "data" {
  name         = "data"
  key_vault_id = azurerm_key_vault.main.id
  # expect
  key_type     = "RSA"
  key_size     = 2048
}
