resource "azurerm_data_factory" "etl" {
  name                   = "etl"
  public_network_enabled = false
}
