# expect
resource "azurerm_mariadb_server" "db" {
  name = "db"
}
