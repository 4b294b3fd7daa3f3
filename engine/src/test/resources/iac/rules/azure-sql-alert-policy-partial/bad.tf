resource "azurerm_mssql_server_security_alert_policy" "sql" {
  server_name          = azurerm_mssql_server.sql.name
  state                = "Enabled"
  # expect
  disabled_alerts      = ["Sql_Injection"]
  email_account_admins = true
}
