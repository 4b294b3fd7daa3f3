resource "azurerm_windows_virtual_machine" "app" {
  name           = "app"
  admin_username = "azureadmin"
  admin_password = random_password.vm.result
}
