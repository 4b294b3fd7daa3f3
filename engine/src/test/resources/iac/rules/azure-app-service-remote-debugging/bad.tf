resource "azurerm_linux_web_app" "web" {
  name = "web"
  site_config {
    # expect
    remote_debugging_enabled = true
  }
}
