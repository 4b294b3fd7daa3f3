resource "azurerm_postgresql_server" "pg" {
  name                              = "pg"
  infrastructure_encryption_enabled = true
}
