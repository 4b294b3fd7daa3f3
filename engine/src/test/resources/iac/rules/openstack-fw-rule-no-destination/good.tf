resource "openstack_fw_rule_v1" "web" {
  name                   = "web"
  action                 = "allow"
  protocol               = "tcp"
  destination_ip_address = "10.0.0.10"
  destination_port       = "443"
}
