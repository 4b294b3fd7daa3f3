resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.lambda.arn
  kms_key_arn   = aws_kms_key.lambda.arn
  environment {
    variables = {
      STAGE = "prod"
    }
  }
}
