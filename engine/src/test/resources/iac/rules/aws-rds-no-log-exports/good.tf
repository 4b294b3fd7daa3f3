resource "aws_db_instance" "app" {
  engine                          = "postgres"
  instance_class                  = "db.t3.micro"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}
