resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = {
      STAGE              = "prod"
      DB_PASSWORD_SECRET = aws_secretsmanager_secret.db.arn
    }
  }
}
