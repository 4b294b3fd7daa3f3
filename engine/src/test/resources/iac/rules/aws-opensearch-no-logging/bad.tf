# expect
resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
}
