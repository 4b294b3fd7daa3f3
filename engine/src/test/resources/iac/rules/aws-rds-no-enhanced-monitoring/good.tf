resource "aws_db_instance" "app" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  monitoring_interval = 30
  monitoring_role_arn = aws_iam_role.rds_monitoring.arn
}
