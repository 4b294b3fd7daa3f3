resource "azurerm_network_security_rule" "any" {
  name                       = "https"
  direction                  = "Inbound"
  access                     = "Allow"
  protocol                   = "Tcp"
  source_port_range          = "*"
  destination_port_range     = "443"
  source_address_prefix      = "0.0.0.0/0"
  destination_address_prefix = "*"
}
