resource "azurerm_container_registry" "acr" {
  name                   = "acmeacr"
  sku                    = "Premium"
  # expect
  anonymous_pull_enabled = true
}
