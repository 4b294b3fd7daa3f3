resource "azurerm_mysql_server" "db" {
  name                              = "db"
  infrastructure_encryption_enabled = true
}
