resource "aws_transfer_server" "ftp" {
  endpoint_type = "VPC"
  # expect
  protocols     = ["SFTP", "FTP"]
}
