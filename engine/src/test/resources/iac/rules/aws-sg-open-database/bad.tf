resource "aws_vpc_security_group_ingress_rule" "postgres" {
  security_group_id = aws_security_group.db.id
  # expect
  cidr_ipv6         = "::/0"
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
}
