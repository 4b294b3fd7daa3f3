resource "aws_guardduty_detector" "main" {
  # expect
  enable = false
}
