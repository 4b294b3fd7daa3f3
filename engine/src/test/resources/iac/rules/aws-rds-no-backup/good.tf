resource "aws_db_instance" "main" {
  engine                  = "mysql"
  backup_retention_period = 14
}
