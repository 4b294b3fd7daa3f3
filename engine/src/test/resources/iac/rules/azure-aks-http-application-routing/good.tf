resource "azurerm_kubernetes_cluster" "main" {
  name                             = "main"
  http_application_routing_enabled = false
}
