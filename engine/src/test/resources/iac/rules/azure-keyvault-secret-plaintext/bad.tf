resource "azurerm_key_vault_secret" "db" {
  name         = "db"
  # expect
  value        = "Sup3rS3cretPw"
  key_vault_id = azurerm_key_vault.main.id
}
