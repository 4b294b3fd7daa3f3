resource "azurerm_storage_container" "exports" {
  name                  = "exports"
  storage_account_name  = azurerm_storage_account.data.name
  # expect
  container_access_type = "container"
}
