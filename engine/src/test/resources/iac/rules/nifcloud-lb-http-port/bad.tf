resource "nifcloud_load_balancer" "web" {
  load_balancer_name = "web"
  instance_port      = 80
  # expect
  load_balancer_port = 80
}
