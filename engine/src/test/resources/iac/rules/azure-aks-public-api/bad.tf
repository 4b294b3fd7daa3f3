# expect
resource "azurerm_kubernetes_cluster" "main" {
  name                              = "main"
  role_based_access_control_enabled = true
}
