resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  log_publishing_options {
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
    # expect
    log_type                 = "INDEX_SLOW_LOGS"
  }
}
