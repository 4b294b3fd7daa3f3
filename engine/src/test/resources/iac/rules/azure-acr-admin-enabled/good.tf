resource "azurerm_container_registry" "acr" {
  name          = "acmeacr"
  sku           = "Premium"
  admin_enabled = false
}
