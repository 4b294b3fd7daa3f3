resource "aws_iam_role_policy_attachment" "ci" {
  role       = aws_iam_role.ci.name
  # expect
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
