resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = {
      STAGE       = "prod"
      # expect
      DB_PASSWORD = "hunter2-prod-42"
    }
  }
}
