resource "azurerm_postgresql_configuration" "connections" {
  name        = "log_connections"
  server_name = azurerm_postgresql_server.pg.name
  value       = "on"
}
