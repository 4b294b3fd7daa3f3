resource "aws_lb_listener" "front" {
  load_balancer_arn = aws_lb.front.arn
  port              = 443
  protocol          = "HTTPS"
  # expect
  ssl_policy        = "ELBSecurityPolicy-2016-08"
}
