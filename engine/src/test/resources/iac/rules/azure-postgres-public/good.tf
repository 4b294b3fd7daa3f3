resource "azurerm_postgresql_server" "pg" {
  name                          = "pg"
  sku_name                      = "GP_Gen5_2"
  public_network_access_enabled = false
}
