resource "digitalocean_firewall" "web" {
  name        = "web"
  droplet_ids = [digitalocean_droplet.web.id]
  inbound_rule {
    protocol         = "tcp"
    port_range       = "22"
    # expect
    source_addresses = ["0.0.0.0/0", "::/0"]
  }
}
