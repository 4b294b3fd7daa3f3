resource "alicloud_db_instance" "db" {
  engine         = "MySQL"
  engine_version = "8.0"
  # expect
  security_ips   = ["0.0.0.0/0"]
}
