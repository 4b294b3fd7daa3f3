resource "azurerm_linux_web_app" "web" {
  name       = "web"
  https_only = true
  auth_settings_v2 {
    auth_enabled = true
  }
}
