resource "azurerm_mssql_server" "main" {
  name                          = "main"
  version                       = "12.0"
  public_network_access_enabled = false
}
