resource "openstack_compute_instance_v2" "web" {
  name       = "web"
  image_name = "ubuntu-24.04"
  # expect
  admin_pass = "Sup3rS3cretPw"
}
