resource "openstack_networking_secgroup_rule_v2" "any" {
  direction         = "ingress"
  ethertype         = "IPv4"
  # expect
  remote_ip_prefix  = "0.0.0.0/0"
  security_group_id = openstack_networking_secgroup_v2.web.id
}
