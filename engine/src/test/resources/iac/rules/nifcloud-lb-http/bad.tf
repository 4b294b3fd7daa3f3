resource "nifcloud_elb" "web" {
  availability_zone = "east-11"
  instance_port     = 80
  # expect
  protocol          = "HTTP"
  lb_port           = 80
}
