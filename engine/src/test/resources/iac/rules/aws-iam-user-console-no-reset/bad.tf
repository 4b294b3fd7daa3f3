resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  # expect
  password_reset_required = false
}
