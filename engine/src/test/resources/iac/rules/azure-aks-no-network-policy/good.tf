resource "azurerm_kubernetes_cluster" "main" {
  name       = "main"
  dns_prefix = "main"
  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }
}
