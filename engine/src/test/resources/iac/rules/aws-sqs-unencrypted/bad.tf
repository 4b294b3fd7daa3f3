resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  # expect
  sqs_managed_sse_enabled = false
}
