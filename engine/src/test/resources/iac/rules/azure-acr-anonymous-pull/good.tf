resource "azurerm_container_registry" "acr" {
  name                   = "acmeacr"
  sku                    = "Premium"
  anonymous_pull_enabled = false
}
