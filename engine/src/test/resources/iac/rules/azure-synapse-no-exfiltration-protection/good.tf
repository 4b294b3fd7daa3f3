resource "azurerm_synapse_workspace" "analytics" {
  name                                 = "analytics"
  managed_virtual_network_enabled      = true
  data_exfiltration_protection_enabled = true
}
