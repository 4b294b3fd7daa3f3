resource "aws_s3_bucket" "backups" {
  bucket = "backups"
  versioning {
    # expect
    enabled = false
  }
}
