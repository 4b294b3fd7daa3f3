resource "azurerm_linux_web_app" "web" {
  name                       = "web"
  client_certificate_enabled = true
}
