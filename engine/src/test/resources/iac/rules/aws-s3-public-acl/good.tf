resource "aws_s3_bucket" "data" {
  bucket = "patient-exports"
  acl    = "private"
}
