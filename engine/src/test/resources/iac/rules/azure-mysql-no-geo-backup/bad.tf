resource "azurerm_mysql_flexible_server" "db" {
  name                         = "db"
  # expect
  geo_redundant_backup_enabled = false
}
