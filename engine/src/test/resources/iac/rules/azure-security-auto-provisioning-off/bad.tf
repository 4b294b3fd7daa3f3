resource "azurerm_security_center_auto_provisioning" "agents" {
  # expect
  auto_provision = "Off"
}
