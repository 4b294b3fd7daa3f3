resource "azurerm_kubernetes_cluster" "main" {
  name                              = "main"
  private_cluster_enabled           = true
  role_based_access_control_enabled = true
}
