resource "azurerm_data_lake_store" "lake" {
  name             = "lake"
  # expect
  encryption_state = "Disabled"
}
