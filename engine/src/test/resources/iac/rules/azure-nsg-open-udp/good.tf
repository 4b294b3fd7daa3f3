resource "azurerm_network_security_rule" "dns" {
  name                        = "dns"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Udp"
  destination_port_range      = "53"
  source_address_prefix       = "10.0.0.0/16"
  destination_address_prefix  = "*"
}
