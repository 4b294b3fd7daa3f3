# expect
resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  encrypted          = true
}
