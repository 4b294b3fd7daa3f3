# expect
resource "aws_elasticache_security_group" "legacy" {
  name                 = "legacy"
  security_group_names = ["default"]
}
