resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "10.1.0.0/16"
  destination_address_prefix  = "*"
}
