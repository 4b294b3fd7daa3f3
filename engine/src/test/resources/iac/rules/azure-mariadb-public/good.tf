resource "azurerm_mariadb_server" "db" {
  name                          = "db"
  public_network_access_enabled = false
}
