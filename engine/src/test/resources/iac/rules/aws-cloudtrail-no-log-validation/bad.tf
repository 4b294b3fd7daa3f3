resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail"
  # expect
  enable_log_file_validation = false
}
