resource "openstack_compute_secgroup_v2" "win" {
  name        = "win"
  description = "windows"
  rule {
    from_port   = 3389
    to_port     = 3389
    ip_protocol = "tcp"
    # expect
    cidr        = "0.0.0.0/0"
  }
}
