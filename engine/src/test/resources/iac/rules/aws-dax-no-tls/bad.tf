resource "aws_dax_cluster" "cache" {
  cluster_name                     = "cache"
  # expect
  cluster_endpoint_encryption_type = "NONE"
}
