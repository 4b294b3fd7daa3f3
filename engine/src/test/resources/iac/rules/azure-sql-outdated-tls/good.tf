resource "azurerm_mssql_server" "sql" {
  name                = "sql"
  version             = "12.0"
  minimum_tls_version = "1.2"
}
