resource "azurerm_network_security_rule" "any" {
  name                       = "any"
  direction                  = "Inbound"
  access                     = "Allow"
  protocol                   = "*"
  source_port_range          = "*"
  # expect
  destination_port_range     = "*"
  source_address_prefix      = "0.0.0.0/0"
  destination_address_prefix = "*"
}
