# expect
resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  transit_encryption_enabled = true
}
