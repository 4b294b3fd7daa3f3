resource "azurerm_linux_web_app" "portal" {
  name       = "portal"
  https_only = true
}
