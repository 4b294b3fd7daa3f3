resource "alicloud_db_instance" "db" {
  engine                     = "MySQL"
  # expect
  auto_upgrade_minor_version = "Manual"
}
