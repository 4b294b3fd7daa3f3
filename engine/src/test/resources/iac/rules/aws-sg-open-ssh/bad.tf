resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # expect
    cidr_blocks = ["0.0.0.0/0"]
  }
}
