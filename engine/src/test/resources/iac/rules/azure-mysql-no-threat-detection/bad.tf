# expect
resource "azurerm_mysql_server" "db" {
  name = "db"
}
