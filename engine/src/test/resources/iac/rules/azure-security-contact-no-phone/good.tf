resource "azurerm_security_center_contact" "sec" {
  email = "security@example.com"
  phone = "+1-555-0100"
}
