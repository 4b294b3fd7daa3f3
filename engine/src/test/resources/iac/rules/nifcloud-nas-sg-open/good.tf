resource "nifcloud_nas_security_group" "nas" {
  group_name        = "nas"
  availability_zone = "east-11"
  rule {
    cidr_ip = "10.0.0.0/16"
  }
}
