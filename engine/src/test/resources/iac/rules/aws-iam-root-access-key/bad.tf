resource "aws_iam_access_key" "root" {
  # expect
  user = "root"
}
