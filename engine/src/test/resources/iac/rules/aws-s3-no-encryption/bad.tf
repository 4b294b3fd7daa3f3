# expect
resource "aws_s3_bucket" "logs" {
  bucket = "audit-logs"
}
