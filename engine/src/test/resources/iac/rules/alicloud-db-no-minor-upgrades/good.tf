resource "alicloud_db_instance" "db" {
  engine                     = "MySQL"
  auto_upgrade_minor_version = "Auto"
}
