# expect
resource "azurerm_postgresql_server" "pg" {
  name = "pg"
}
