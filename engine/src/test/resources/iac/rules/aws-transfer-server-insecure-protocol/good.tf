resource "aws_transfer_server" "sftp" {
  endpoint_type = "VPC"
  protocols     = ["SFTP"]
}
