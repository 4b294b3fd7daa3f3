resource "aws_db_instance" "main" {
  engine              = "mysql"
  # expect
  publicly_accessible = true
}
