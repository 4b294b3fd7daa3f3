resource "azurerm_network_interface" "web" {
  name                  = "web"
  ip_forwarding_enabled = false
}
