resource "azurerm_network_security_rule" "out" {
  name                       = "out"
  direction                  = "Outbound"
  access                     = "Allow"
  protocol                   = "Tcp"
  source_address_prefix      = "*"
  destination_address_prefix = "10.1.0.0/16"
}
