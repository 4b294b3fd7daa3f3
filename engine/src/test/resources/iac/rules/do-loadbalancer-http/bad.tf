resource "digitalocean_loadbalancer" "web" {
  name   = "web"
  region = "ams3"
  forwarding_rule {
    # expect
    entry_protocol  = "http"
    entry_port      = 80
    target_protocol = "http"
    target_port     = 80
  }
}
