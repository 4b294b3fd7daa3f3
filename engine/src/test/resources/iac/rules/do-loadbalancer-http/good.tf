resource "digitalocean_loadbalancer" "web" {
  name                   = "web"
  region                 = "ams3"
  redirect_http_to_https = true
  forwarding_rule {
    entry_protocol  = "http"
    entry_port      = 80
    target_protocol = "http"
    target_port     = 80
  }
}
