resource "azurerm_postgresql_flexible_server" "pg" {
  name                         = "pg"
  version                      = "16"
  geo_redundant_backup_enabled = true
}
