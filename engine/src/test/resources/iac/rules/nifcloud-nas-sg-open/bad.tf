resource "nifcloud_nas_security_group" "nas" {
  group_name        = "nas"
  availability_zone = "east-11"
  rule {
    # expect
    cidr_ip = "0.0.0.0/0"
  }
}
