resource "aws_db_instance" "main" {
  engine   = "postgres"
  username = "admin"
  password = random_password.db.result
}
