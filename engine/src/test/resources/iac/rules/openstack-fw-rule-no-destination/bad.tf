# expect
resource "openstack_fw_rule_v1" "web" {
  name     = "web"
  action   = "allow"
  protocol = "tcp"
}
