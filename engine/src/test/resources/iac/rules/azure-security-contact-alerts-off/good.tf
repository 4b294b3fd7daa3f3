resource "azurerm_security_center_contact" "sec" {
  email               = "security@example.com"
  alert_notifications = true
  alerts_to_admins    = true
}
