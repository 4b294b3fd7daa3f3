resource "digitalocean_firewall" "web" {
  name = "web"
  outbound_rule {
    protocol              = "tcp"
    port_range            = "443"
    destination_addresses = ["10.10.0.0/16"]
  }
}
