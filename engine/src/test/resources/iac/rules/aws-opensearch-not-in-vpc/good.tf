resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  vpc_options {
    subnet_ids         = [aws_subnet.private.id]
    security_group_ids = [aws_security_group.search.id]
  }
}
