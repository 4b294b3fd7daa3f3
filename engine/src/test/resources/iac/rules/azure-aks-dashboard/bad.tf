resource "azurerm_kubernetes_cluster" "main" {
  name = "main"
  addon_profile {
    kube_dashboard {
      # expect
      enabled = true
    }
  }
}
