resource "azurerm_synapse_workspace" "analytics" {
  name                             = "analytics"
  sql_administrator_login          = "sqladmin"
  # expect
  sql_administrator_login_password = "Sup3rS3cretPw!"
}
