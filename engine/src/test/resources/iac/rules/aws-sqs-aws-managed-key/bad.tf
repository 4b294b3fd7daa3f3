resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  # expect
  kms_master_key_id = "alias/aws/sqs"
}
