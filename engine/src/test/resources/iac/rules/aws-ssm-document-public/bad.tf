resource "aws_ssm_document" "setup" {
  name          = "setup"
  document_type = "Command"
  content       = "{}"
  permissions = {
    type        = "Share"
    # expect
    account_ids = "All"
  }
}
