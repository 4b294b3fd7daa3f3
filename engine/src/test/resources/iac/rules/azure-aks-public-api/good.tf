resource "azurerm_kubernetes_cluster" "main" {
  name                              = "main"
  role_based_access_control_enabled = true
  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
}
