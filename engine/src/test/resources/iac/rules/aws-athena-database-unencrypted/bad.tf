# expect
resource "aws_athena_database" "events" {
  name   = "events"
  bucket = aws_s3_bucket.results.id
}
