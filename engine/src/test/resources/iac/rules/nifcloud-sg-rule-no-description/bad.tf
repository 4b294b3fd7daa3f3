# expect
resource "nifcloud_security_group_rule" "ssh" {
  security_group_names = [nifcloud_security_group.web.group_name]
  type                 = "IN"
  from_port            = 22
  cidr_ip              = "203.0.113.0/24"
}
