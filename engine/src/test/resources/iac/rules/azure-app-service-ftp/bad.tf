resource "azurerm_windows_web_app" "web" {
  name = "web"
  site_config {
    # expect
    ftps_state = "AllAllowed"
  }
}
