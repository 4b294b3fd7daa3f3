resource "azurerm_linux_web_app" "web" {
  name = "web"
  site_config {
    cors {
      allowed_origins = ["https://app.example.com"]
    }
  }
}
