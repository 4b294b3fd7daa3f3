resource "azurerm_network_security_rule" "out" {
  name                       = "out"
  direction                  = "Outbound"
  access                     = "Allow"
  protocol                   = "*"
  source_address_prefix      = "*"
  # expect
  destination_address_prefix = "Internet"
}
