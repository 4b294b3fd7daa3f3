resource "aws_redshift_parameter_group" "dw" {
  name   = "dw"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "true"
  }
}
