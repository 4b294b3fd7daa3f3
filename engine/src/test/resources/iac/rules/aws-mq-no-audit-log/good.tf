resource "aws_mq_broker" "events" {
  broker_name = "events"
  engine_type = "ActiveMQ"
  logs {
    general = true
    audit   = true
  }
}
resource "aws_mq_broker" "rabbit" {
  broker_name = "rabbit"
  engine_type = "RabbitMQ"
  logs {
    general = true
  }
}
