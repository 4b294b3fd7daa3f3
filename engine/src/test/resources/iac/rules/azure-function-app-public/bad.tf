# expect
resource "azurerm_linux_function_app" "jobs" {
  name = "jobs"
}
