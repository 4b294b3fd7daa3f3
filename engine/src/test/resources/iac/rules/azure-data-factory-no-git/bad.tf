# expect
resource "azurerm_data_factory" "etl" {
  name = "etl"
}
