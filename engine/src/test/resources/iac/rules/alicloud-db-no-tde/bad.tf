# expect
resource "alicloud_db_instance" "db" {
  engine         = "MySQL"
  engine_version = "8.0"
}
