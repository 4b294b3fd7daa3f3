resource "aws_ami_launch_permission" "partner" {
  image_id   = aws_ami.golden.id
  account_id = "123456789012"
}
