resource "aws_elasticache_cluster" "cache" {
  cluster_id               = "cache"
  engine                   = "redis"
  snapshot_retention_limit = 5
}
resource "aws_elasticache_cluster" "memcached" {
  cluster_id = "memcached"
  engine     = "memcached"
}
