resource "azurerm_managed_disk" "data" {
  name                 = "data"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  encryption_settings {
    # expect
    enabled = false
  }
}
