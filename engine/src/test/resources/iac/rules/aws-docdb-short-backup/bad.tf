resource "aws_docdb_cluster" "docs" {
  cluster_identifier      = "docs"
  # expect
  backup_retention_period = 2
}
