resource "azurerm_postgresql_server" "main" {
  name                    = "main"
  ssl_enforcement_enabled = true
}
