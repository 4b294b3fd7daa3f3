resource "aws_athena_workgroup" "analytics" {
  name = "analytics"
  configuration {
    result_configuration {
      output_location = "s3://results/"
      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = aws_kms_key.athena.arn
      }
    }
  }
}
