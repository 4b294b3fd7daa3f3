resource "aws_ami_launch_permission" "public" {
  image_id = aws_ami.golden.id
  # expect
  group    = "all"
}
