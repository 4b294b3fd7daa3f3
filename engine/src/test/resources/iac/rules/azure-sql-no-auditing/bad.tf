# expect
resource "azurerm_mssql_server" "sql" {
  name    = "sql"
  version = "12.0"
}
