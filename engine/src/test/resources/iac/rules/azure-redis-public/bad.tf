# expect
resource "azurerm_redis_cache" "cache" {
  name = "cache"
}
