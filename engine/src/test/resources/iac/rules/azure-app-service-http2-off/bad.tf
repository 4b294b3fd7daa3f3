resource "azurerm_linux_web_app" "web" {
  name = "web"
  site_config {
    # expect
    http2_enabled = false
  }
}
