resource "azurerm_cosmosdb_account" "docs" {
  name                          = "docs"
  offer_type                    = "Standard"
  public_network_access_enabled = false
}
