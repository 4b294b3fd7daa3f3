resource "aws_workspaces_workspace" "alice" {
  directory_id                   = aws_workspaces_directory.corp.id
  bundle_id                      = "wsb-bh8rsxt14"
  user_name                      = "alice"
  user_volume_encryption_enabled = true
  volume_encryption_key          = aws_kms_key.workspaces.arn
}
