resource "cloudstack_firewall" "web" {
  ip_address_id = cloudstack_ipaddress.web.id
  rule {
    cidr_list = ["0.0.0.0/0"]
    protocol  = "tcp"
    ports     = ["80", "443"]
  }
  rule {
    cidr_list = ["203.0.113.0/24"]
    protocol  = "tcp"
    ports     = ["22"]
  }
}
