resource "azurerm_redis_cache" "cache" {
  name               = "cache"
  # expect
  enable_non_ssl_port = true
}
