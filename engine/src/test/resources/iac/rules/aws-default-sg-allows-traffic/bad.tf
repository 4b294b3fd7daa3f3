resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  # expect
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
}
