resource "openstack_compute_instance_v2" "web" {
  name       = "web"
  image_name = "ubuntu-24.04"
  key_pair   = openstack_compute_keypair_v2.ops.name
}
