resource "azurerm_synapse_workspace" "analytics" {
  name                             = "analytics"
  sql_administrator_login          = "sqladmin"
  sql_administrator_login_password = random_password.synapse.result
}
