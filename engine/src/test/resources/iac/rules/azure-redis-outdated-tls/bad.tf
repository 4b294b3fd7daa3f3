resource "azurerm_redis_cache" "cache" {
  name                = "cache"
  # expect
  minimum_tls_version = "1.0"
}
