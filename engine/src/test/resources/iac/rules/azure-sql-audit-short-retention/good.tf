resource "azurerm_mssql_server_extended_auditing_policy" "sql" {
  server_id         = azurerm_mssql_server.sql.id
  retention_in_days = 90
}
