resource "azurerm_network_interface" "web" {
  name                  = "web"
  # expect
  ip_forwarding_enabled = true
}
