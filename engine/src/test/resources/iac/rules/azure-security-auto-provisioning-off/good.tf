resource "azurerm_security_center_auto_provisioning" "agents" {
  auto_provision = "On"
}
