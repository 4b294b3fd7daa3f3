resource "nifcloud_security_group_rule" "ssh" {
  security_group_names = [nifcloud_security_group.web.group_name]
  type                 = "IN"
  description          = "ssh"
  from_port            = 22
  protocol             = "TCP"
  # expect
  cidr_ip              = "0.0.0.0/0"
}
