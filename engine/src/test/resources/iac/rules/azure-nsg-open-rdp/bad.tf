resource "azurerm_network_security_group" "win" {
  name = "win"
  security_rule {
    name                       = "rdp"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    # expect
    destination_port_range     = "3380-3390"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}
