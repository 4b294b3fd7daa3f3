resource "aws_iam_role_policy" "admin" {
  name = "admin"
  role = aws_iam_role.ops.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      # expect
      Action   = "*"
      Resource = "*"
    }]
  })
}
