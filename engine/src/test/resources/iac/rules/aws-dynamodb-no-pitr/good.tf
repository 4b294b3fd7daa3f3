resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
  point_in_time_recovery {
    enabled = true
  }
}
