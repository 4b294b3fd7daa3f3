resource "aws_ssm_document" "setup" {
  name          = "setup"
  document_type = "Command"
  content       = "{}"
  permissions = {
    type        = "Share"
    account_ids = "123456789012"
  }
}
