resource "azurerm_mssql_server" "sql" {
  name    = "sql"
  version = "12.0"
  azuread_administrator {
    login_username = "dba-group"
    object_id      = var.dba_group_id
  }
}
