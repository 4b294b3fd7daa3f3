resource "azurerm_linux_web_app" "web" {
  name = "web"
  site_config {
    http2_enabled = true
  }
}
