resource "aws_redshift_cluster" "dw" {
  cluster_identifier                  = "dw"
  # expect
  automated_snapshot_retention_period = 0
}
