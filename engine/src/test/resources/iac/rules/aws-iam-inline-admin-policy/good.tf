resource "aws_iam_role_policy" "admin" {
  name = "read-logs"
  role = aws_iam_role.ops.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:GetLogEvents"]
      Resource = "arn:aws:logs:eu-west-1:123456789012:log-group:app:*"
    }]
  })
}
