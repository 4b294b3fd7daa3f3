# expect
resource "azurerm_postgresql_server" "pg" {
  name     = "pg"
  sku_name = "GP_Gen5_2"
}
