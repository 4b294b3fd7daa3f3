resource "alicloud_db_instance" "db" {
  engine         = "MySQL"
  engine_version = "8.0"
  security_ips   = ["10.0.0.0/16"]
}
