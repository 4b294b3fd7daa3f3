resource "aws_db_instance" "main" {
  engine                  = "mysql"
  # expect
  backup_retention_period = 0
}
