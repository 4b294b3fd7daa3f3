resource "aws_mq_broker" "events" {
  broker_name = "events"
  engine_type = "RabbitMQ"
  logs {
    general = true
  }
}
