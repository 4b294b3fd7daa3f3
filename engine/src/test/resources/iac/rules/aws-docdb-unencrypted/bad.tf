resource "aws_docdb_cluster" "docs" {
  cluster_identifier = "docs"
  # expect
  storage_encrypted  = false
}
