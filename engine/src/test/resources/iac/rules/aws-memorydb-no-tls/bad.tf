resource "aws_memorydb_cluster" "cache" {
  name        = "cache"
  acl_name    = "open-access"
  # expect
  tls_enabled = false
}
