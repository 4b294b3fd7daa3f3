resource "aws_lb" "api" {
  name     = "api"
  # expect
  internal = false
}
