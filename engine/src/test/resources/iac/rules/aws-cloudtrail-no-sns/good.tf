resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  sns_topic_name = aws_sns_topic.trail.name
}
