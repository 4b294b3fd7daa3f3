# expect
resource "azurerm_kubernetes_cluster" "main" {
  name       = "main"
  dns_prefix = "main"
}
