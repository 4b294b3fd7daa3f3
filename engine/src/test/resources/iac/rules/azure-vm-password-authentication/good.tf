resource "azurerm_linux_virtual_machine" "app" {
  name                            = "app"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  admin_ssh_key {
    username   = "azureuser"
    public_key = file("id_ed25519.pub")
  }
}
