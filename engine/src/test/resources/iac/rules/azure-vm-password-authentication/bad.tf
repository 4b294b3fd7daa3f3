resource "azurerm_linux_virtual_machine" "app" {
  name                            = "app"
  admin_username                  = "azureuser"
  # expect
  disable_password_authentication = false
}
