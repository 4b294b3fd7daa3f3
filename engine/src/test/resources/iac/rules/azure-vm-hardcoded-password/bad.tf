resource "azurerm_windows_virtual_machine" "app" {
  name           = "app"
  admin_username = "azureadmin"
  # expect
  admin_password = "P@ssw0rd1234!"
}
