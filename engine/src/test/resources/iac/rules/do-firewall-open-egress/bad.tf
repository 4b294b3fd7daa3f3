resource "digitalocean_firewall" "web" {
  name = "web"
  outbound_rule {
    protocol              = "tcp"
    port_range            = "1-65535"
    # expect
    destination_addresses = ["0.0.0.0/0", "::/0"]
  }
}
