# expect
resource "openstack_networking_secgroup_v2" "web" {
  name = "web"
}
