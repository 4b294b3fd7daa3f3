# expect
resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = aws_iam_policy.read.arn
}
