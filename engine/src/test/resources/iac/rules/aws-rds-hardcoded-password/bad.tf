resource "aws_db_instance" "main" {
  engine   = "postgres"
  username = "admin"
  # expect
  password = "Sup3rS3cretPassw0rd"
}
