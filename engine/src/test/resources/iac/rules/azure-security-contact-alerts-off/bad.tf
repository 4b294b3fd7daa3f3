resource "azurerm_security_center_contact" "sec" {
  email               = "security@example.com"
  # expect
  alert_notifications = false
  alerts_to_admins    = true
}
