resource "aws_lb" "web" {
  name                       = "web"
  enable_deletion_protection = true
}
