resource "azurerm_linux_web_app" "web" {
  name = "web"
  site_config {
    remote_debugging_enabled = false
  }
}
