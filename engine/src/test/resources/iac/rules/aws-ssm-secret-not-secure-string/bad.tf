resource "aws_ssm_parameter" "db_password" {
  name  = "/app/db_password"
  # expect
  type  = "String"
  value = var.db_password
}
