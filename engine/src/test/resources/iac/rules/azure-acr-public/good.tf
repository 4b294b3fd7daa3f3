resource "azurerm_container_registry" "acr" {
  name                          = "acmeacr"
  sku                           = "Premium"
  public_network_access_enabled = false
}
