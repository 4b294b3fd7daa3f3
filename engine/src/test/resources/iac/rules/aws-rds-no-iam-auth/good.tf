resource "aws_db_instance" "app" {
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  iam_database_authentication_enabled = true
}
resource "aws_db_instance" "oracle" {
  engine         = "oracle-ee"
  instance_class = "db.m5.large"
}
