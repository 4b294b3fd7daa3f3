resource "azurerm_container_registry" "acr" {
  name                   = "acmeacr"
  sku                    = "Premium"
  anonymous_pull_enabled = false
}
resource "azurerm_container_registry" "basic" {
  name                   = "acmebasic"
  sku                    = "Basic"
  anonymous_pull_enabled = true
}
