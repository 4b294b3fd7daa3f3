resource "nifcloud_db_security_group" "db" {
  group_name        = "db"
  availability_zone = "east-11"
  rule {
    # expect
    cidr_ip = "0.0.0.0/0"
  }
}
