# expect
resource "aws_transfer_server" "sftp" {
  identity_provider_type = "SERVICE_MANAGED"
}
