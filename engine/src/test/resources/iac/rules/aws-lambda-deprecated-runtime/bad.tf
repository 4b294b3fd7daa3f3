resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.lambda.arn
  # expect
  runtime       = "python3.7"
  handler       = "app.handler"
}
