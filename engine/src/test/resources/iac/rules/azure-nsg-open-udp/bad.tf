resource "azurerm_network_security_rule" "dns" {
  name                        = "dns"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Udp"
  destination_port_range      = "53"
  # expect
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
}
