resource "aws_network_acl_rule" "in" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  egress         = false
  protocol       = "-1"
  rule_action    = "allow"
  # expect
  cidr_block     = "0.0.0.0/0"
}
