resource "aws_transfer_server" "sftp" {
  identity_provider_type = "SERVICE_MANAGED"
  endpoint_type          = "VPC"
  endpoint_details {
    vpc_id     = aws_vpc.main.id
    subnet_ids = [aws_subnet.private.id]
  }
}
