resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.com"
  certificate_arn = aws_acm_certificate.api.arn
  security_policy = "TLS_1_2"
}
resource "aws_api_gateway_domain_name" "tls13" {
  domain_name     = "api2.example.com"
  certificate_arn = aws_acm_certificate.api.arn
  security_policy = "SecurityPolicy_TLS13_1_2_2021_06"
}
