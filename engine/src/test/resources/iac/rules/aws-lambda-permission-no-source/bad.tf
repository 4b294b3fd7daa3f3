resource "aws_lambda_permission" "s3" {
  statement_id  = "s3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  # expect
  principal     = "s3.amazonaws.com"
}
