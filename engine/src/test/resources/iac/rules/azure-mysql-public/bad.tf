resource "azurerm_mysql_server" "db" {
  name                          = "db"
  # expect
  public_network_access_enabled = true
}
