resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  domain_endpoint_options {
    enforce_https       = true
    # expect
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}
