resource "aws_docdb_cluster" "docs" {
  cluster_identifier      = "docs"
  backup_retention_period = 14
}
