# expect
resource "aws_db_instance" "app" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}
