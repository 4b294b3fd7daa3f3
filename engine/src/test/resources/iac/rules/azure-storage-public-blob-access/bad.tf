resource "azurerm_storage_account" "data" {
  name                            = "data"
  # expect
  allow_nested_items_to_be_public = true
}
