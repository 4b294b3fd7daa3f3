resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "sessions"
  transit_encryption_enabled = true
  auth_token                 = var.redis_auth_token
}
