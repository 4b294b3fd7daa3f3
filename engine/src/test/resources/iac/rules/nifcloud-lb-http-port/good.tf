resource "nifcloud_load_balancer" "web" {
  load_balancer_name = "web"
  instance_port      = 80
  load_balancer_port = 443
  ssl_certificate_id = nifcloud_ssl_certificate.web.id
}
