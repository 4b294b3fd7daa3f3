resource "nifcloud_db_security_group" "db" {
  group_name        = "db"
  availability_zone = "east-11"
  rule {
    cidr_ip = "10.0.0.0/16"
  }
}
