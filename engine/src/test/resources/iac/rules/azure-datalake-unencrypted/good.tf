resource "azurerm_data_lake_store" "lake" {
  name             = "lake"
  encryption_state = "Enabled"
}
