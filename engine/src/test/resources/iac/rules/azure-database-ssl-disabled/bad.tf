resource "azurerm_postgresql_server" "main" {
  name                    = "main"
  # expect
  ssl_enforcement_enabled = false
}
