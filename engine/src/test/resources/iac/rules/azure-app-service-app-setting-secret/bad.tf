resource "azurerm_linux_web_app" "web" {
  name = "web"
  app_settings = {
    LOG_LEVEL   = "info"
    # expect
    DB_PASSWORD = "Sup3rS3cretPw"
  }
}
