resource "aws_rds_cluster" "main" {
  engine              = "aurora-postgresql"
  deletion_protection = true
}
