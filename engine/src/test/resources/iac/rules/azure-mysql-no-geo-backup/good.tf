resource "azurerm_mysql_flexible_server" "db" {
  name                         = "db"
  geo_redundant_backup_enabled = true
}
