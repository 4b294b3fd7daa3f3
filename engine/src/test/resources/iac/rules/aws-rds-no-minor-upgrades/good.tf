resource "aws_db_instance" "app" {
  engine                     = "postgres"
  auto_minor_version_upgrade = true
}
