resource "azurerm_storage_account" "data" {
  name                            = "data"
  allow_nested_items_to_be_public = false
}
