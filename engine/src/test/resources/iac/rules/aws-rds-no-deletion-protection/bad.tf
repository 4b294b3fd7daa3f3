resource "aws_rds_cluster" "main" {
  engine              = "aurora-postgresql"
  # expect
  deletion_protection = false
}
