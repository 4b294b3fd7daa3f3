resource "aws_lb" "web" {
  name                       = "web"
  subnets                    = [aws_subnet.a.id, aws_subnet.b.id]
  drop_invalid_header_fields = true
}
resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
}
