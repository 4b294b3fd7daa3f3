resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail"
  acl    = "public-read"
}
resource "aws_cloudtrail" "main" {
  name           = "main"
  # expect
  s3_bucket_name = aws_s3_bucket.trail.id
}
