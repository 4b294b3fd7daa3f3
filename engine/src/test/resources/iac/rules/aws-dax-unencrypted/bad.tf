# expect
resource "aws_dax_cluster" "cache" {
  cluster_name       = "cache"
  node_type          = "dax.r4.large"
  replication_factor = 1
}
