resource "azurerm_synapse_workspace" "analytics" {
  name                          = "analytics"
  public_network_access_enabled = false
}
