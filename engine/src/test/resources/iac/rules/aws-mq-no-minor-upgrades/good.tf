resource "aws_mq_broker" "events" {
  broker_name                = "events"
  auto_minor_version_upgrade = true
}
