resource "aws_sns_topic" "events" {
  name              = "events"
  # expect
  kms_master_key_id = "alias/aws/sns"
}
