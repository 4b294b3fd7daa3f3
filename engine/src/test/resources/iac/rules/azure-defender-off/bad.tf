resource "azurerm_security_center_subscription_pricing" "vms" {
  # expect
  tier          = "Free"
  resource_type = "VirtualMachines"
}
