resource "aws_security_group" "wide" {
  ingress {
    description = "everything"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    # expect
    cidr_blocks = ["0.0.0.0/0"]
  }
}
