resource "azurerm_redis_cache" "cache" {
  name                          = "cache"
  public_network_access_enabled = false
}
