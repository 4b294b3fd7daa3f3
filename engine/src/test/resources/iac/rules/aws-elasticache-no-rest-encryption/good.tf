resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
