resource "aws_dax_cluster" "cache" {
  cluster_name                     = "cache"
  cluster_endpoint_encryption_type = "TLS"
}
