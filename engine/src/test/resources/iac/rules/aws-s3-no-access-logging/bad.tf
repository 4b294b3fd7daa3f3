# expect
resource "aws_s3_bucket" "reports" {
  bucket = "reports"
}
