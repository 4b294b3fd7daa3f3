resource "nifcloud_security_group_rule" "ssh" {
  security_group_names = [nifcloud_security_group.web.group_name]
  type                 = "IN"
  description          = "ssh"
  from_port            = 22
  protocol             = "TCP"
  cidr_ip              = "203.0.113.0/24"
}
