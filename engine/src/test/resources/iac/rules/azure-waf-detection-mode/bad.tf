resource "azurerm_web_application_firewall_policy" "web" {
  name = "web"
  policy_settings {
    enabled = true
    # expect
    mode    = "Detection"
  }
}
