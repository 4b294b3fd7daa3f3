resource "azurerm_kubernetes_cluster" "main" {
  name                      = "main"
  dns_prefix                = "main"
  automatic_upgrade_channel = "patch"
}
