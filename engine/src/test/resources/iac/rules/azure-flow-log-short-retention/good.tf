resource "azurerm_network_watcher_flow_log" "web" {
  network_watcher_name = azurerm_network_watcher.main.name
  enabled              = true
  retention_policy {
    enabled = true
    days    = 90
  }
}
