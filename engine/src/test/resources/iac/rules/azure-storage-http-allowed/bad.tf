resource "azurerm_storage_account" "data" {
  name                      = "data"
  # expect
  enable_https_traffic_only = false
}
