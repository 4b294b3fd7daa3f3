resource "aws_memorydb_cluster" "cache" {
  name     = "cache"
  acl_name = aws_memorydb_acl.app.name
}
