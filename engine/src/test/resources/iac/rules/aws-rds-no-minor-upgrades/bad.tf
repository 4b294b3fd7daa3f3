resource "aws_db_instance" "app" {
  engine                     = "postgres"
  # expect
  auto_minor_version_upgrade = false
}
