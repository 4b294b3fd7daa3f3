resource "openstack_networking_secgroup_rule_v2" "out" {
  direction         = "egress"
  ethertype         = "IPv4"
  remote_ip_prefix  = "10.0.0.0/8"
  security_group_id = openstack_networking_secgroup_v2.web.id
}
