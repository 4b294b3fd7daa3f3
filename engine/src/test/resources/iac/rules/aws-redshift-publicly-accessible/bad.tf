resource "aws_redshift_cluster" "dw" {
  cluster_identifier  = "dw"
  encrypted           = true
  # expect
  publicly_accessible = true
}
