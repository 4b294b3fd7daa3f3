resource "azurerm_linux_web_app" "web" {
  name = "web"
  app_settings = {
    LOG_LEVEL   = "info"
    DB_PASSWORD = "@Microsoft.KeyVault(SecretUri=https://main.vault.azure.net/secrets/db/)"
  }
}
