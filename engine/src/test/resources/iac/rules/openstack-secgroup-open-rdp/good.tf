resource "openstack_compute_secgroup_v2" "win" {
  name        = "win"
  description = "windows"
  rule {
    from_port   = 3389
    to_port     = 3389
    ip_protocol = "tcp"
    cidr        = "10.1.0.0/16"
  }
}
