resource "azurerm_storage_account" "data" {
  name                      = "data"
  enable_https_traffic_only = true
}
