resource "aws_mq_broker" "events" {
  broker_name                = "events"
  # expect
  auto_minor_version_upgrade = false
}
