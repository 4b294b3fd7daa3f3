resource "azurerm_linux_function_app" "jobs" {
  name                          = "jobs"
  public_network_access_enabled = false
}
