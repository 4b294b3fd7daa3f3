resource "aws_s3_bucket" "reports" {
  bucket = "reports"
  logging {
    target_bucket = "access-logs"
    target_prefix = "reports/"
  }
}
