resource "aws_redshift_cluster" "dw" {
  cluster_identifier                  = "dw"
  automated_snapshot_retention_period = 7
}
