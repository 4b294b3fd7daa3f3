resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  # expect
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.win.id
  description       = "rdp"
}
