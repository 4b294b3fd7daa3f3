# Pass: authorizationType contains AWS_IAM (Required field)
resource "aws_api_gateway_method" "example" {
  authorization = "AWS_IAM"
}
