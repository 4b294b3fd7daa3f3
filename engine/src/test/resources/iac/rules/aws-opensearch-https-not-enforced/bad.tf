resource "aws_elasticsearch_domain" "logs" {
  domain_name = "logs"
  domain_endpoint_options {
    # expect
    enforce_https = false
  }
}
