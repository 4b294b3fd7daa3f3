resource "aws_redshift_cluster" "dw" {
  cluster_identifier  = "dw"
  publicly_accessible = false
  encrypted           = true
}
