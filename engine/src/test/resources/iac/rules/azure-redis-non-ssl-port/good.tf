resource "azurerm_redis_cache" "cache" {
  name                 = "cache"
  non_ssl_port_enabled = false
}
