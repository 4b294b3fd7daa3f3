# expect
resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
