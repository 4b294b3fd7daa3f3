resource "azurerm_synapse_sql_pool" "dw" {
  name                 = "dw"
  synapse_workspace_id = azurerm_synapse_workspace.analytics.id
  sku_name             = "DW100c"
  data_encrypted       = true
}
