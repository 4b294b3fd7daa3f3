resource "cloudstack_firewall" "web" {
  ip_address_id = cloudstack_ipaddress.web.id
  rule {
    # expect
    cidr_list = ["0.0.0.0/0"]
    protocol  = "tcp"
    ports     = ["22", "443"]
  }
}
