resource "azurerm_key_vault_secret" "db" {
  name         = "db"
  value        = random_password.db.result
  key_vault_id = azurerm_key_vault.main.id
  content_type = "password"
}
