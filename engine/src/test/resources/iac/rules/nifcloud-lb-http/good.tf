resource "nifcloud_elb" "web" {
  availability_zone  = "east-11"
  instance_port      = 80
  protocol           = "HTTPS"
  lb_port            = 443
  ssl_certificate_id = nifcloud_ssl_certificate.web.id
}
