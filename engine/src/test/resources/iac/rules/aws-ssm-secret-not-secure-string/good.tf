resource "aws_ssm_parameter" "db_password" {
  name   = "/app/db_password"
  type   = "SecureString"
  key_id = aws_kms_key.ssm.id
  value  = var.db_password
}
resource "aws_ssm_parameter" "region" {
  name  = "/app/region"
  type  = "String"
  value = "eu-west-1"
}
