resource "aws_lb" "web" {
  name                       = "web"
  # expect
  enable_deletion_protection = false
}
