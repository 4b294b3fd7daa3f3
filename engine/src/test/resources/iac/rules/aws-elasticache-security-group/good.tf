resource "aws_security_group" "cache" {
  name        = "cache"
  description = "cache clients"
}
