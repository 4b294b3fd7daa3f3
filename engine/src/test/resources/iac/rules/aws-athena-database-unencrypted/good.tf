resource "aws_athena_database" "events" {
  name   = "events"
  bucket = aws_s3_bucket.results.id
  encryption_configuration {
    encryption_option = "SSE_KMS"
    kms_key           = aws_kms_key.athena.arn
  }
}
