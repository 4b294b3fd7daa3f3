resource "azurerm_redis_cache" "cache" {
  name                = "cache"
  minimum_tls_version = "1.2"
}
