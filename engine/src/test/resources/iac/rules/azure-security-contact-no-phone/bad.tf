# expect
resource "azurerm_security_center_contact" "sec" {
  email = "security@example.com"
}
