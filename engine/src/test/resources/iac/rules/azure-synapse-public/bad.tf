# expect
resource "azurerm_synapse_workspace" "analytics" {
  name = "analytics"
}
