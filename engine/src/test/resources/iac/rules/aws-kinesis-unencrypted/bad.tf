resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  # expect
  encryption_type = "NONE"
}
