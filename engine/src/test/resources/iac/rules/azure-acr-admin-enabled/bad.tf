resource "azurerm_container_registry" "acr" {
  name          = "acmeacr"
  sku           = "Premium"
  # expect
  admin_enabled = true
}
