# expect
resource "azurerm_cosmosdb_account" "docs" {
  name       = "docs"
  offer_type = "Standard"
}
