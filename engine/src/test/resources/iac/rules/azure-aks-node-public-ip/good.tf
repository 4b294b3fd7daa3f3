resource "azurerm_kubernetes_cluster" "main" {
  name       = "main"
  dns_prefix = "main"
  default_node_pool {
    name                   = "system"
    node_public_ip_enabled = false
  }
}
