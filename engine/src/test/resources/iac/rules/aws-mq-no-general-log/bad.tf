# expect
resource "aws_mq_broker" "events" {
  broker_name = "events"
  engine_type = "RabbitMQ"
}
