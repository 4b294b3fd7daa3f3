# expect
resource "azurerm_postgresql_flexible_server" "pg" {
  name    = "pg"
  version = "16"
}
