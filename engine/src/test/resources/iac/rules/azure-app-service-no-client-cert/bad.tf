resource "azurerm_linux_web_app" "web" {
  name                       = "web"
  # expect
  client_certificate_enabled = false
}
