resource "azurerm_monitor_log_profile" "activity" {
  name       = "activity"
  # expect
  categories = ["Write"]
  locations  = ["westeurope", "global"]
}
