resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    # expect
    cidr_blocks = ["0.0.0.0/0"]
  }
}
