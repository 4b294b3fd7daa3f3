resource "azurerm_linux_web_app" "portal" {
  name       = "portal"
  https_only = true
  site_config {
    # expect
    minimum_tls_version = "1.0"
  }
}
