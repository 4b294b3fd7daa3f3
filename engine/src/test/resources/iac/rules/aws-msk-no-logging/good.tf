resource "aws_msk_cluster" "events" {
  cluster_name  = "events"
  kafka_version = "3.6.0"
  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.msk.name
      }
    }
  }
}
