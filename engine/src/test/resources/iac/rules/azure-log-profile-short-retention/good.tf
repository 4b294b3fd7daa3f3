resource "azurerm_monitor_log_profile" "activity" {
  name       = "activity"
  categories = ["Action", "Delete", "Write"]
  locations  = ["westeurope", "global"]
  retention_policy {
    enabled = true
    days    = 365
  }
}
