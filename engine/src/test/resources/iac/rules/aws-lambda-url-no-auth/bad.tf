resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  # expect
  authorization_type = "NONE"
}
