resource "azurerm_mssql_server" "sql" {
  name    = "sql"
  version = "12.0"
}
resource "azurerm_mssql_server_extended_auditing_policy" "sql" {
  server_id              = azurerm_mssql_server.sql.id
  storage_endpoint       = azurerm_storage_account.audit.primary_blob_endpoint
  retention_in_days      = 90
}
