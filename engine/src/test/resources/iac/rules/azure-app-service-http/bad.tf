resource "azurerm_linux_web_app" "portal" {
  name       = "portal"
  # expect
  https_only = false
}
