resource "azurerm_linux_web_app" "web" {
  name = "web"
  site_config {
    cors {
      # expect
      allowed_origins = ["*"]
    }
  }
}
