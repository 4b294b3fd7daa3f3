resource "aws_kms_key" "data" {
  description         = "data key"
  # expect
  enable_key_rotation = false
}
