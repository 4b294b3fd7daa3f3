resource "azurerm_storage_account" "data" {
  name = "data"
  network_rules {
    # expect
    default_action = "Allow"
  }
}
# expect
resource "azurerm_storage_account" "open" {
  name = "open"
}
