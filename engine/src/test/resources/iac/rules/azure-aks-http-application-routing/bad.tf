resource "azurerm_kubernetes_cluster" "main" {
  name                             = "main"
  # expect
  http_application_routing_enabled = true
}
