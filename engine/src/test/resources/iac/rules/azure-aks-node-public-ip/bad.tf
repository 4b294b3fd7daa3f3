resource "azurerm_kubernetes_cluster" "main" {
  name       = "main"
  dns_prefix = "main"
  default_node_pool {
    name                   = "system"
    # expect
    node_public_ip_enabled = true
  }
}
