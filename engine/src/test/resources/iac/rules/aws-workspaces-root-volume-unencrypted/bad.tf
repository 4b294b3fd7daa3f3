# expect
resource "aws_workspaces_workspace" "alice" {
  directory_id = aws_workspaces_directory.corp.id
  bundle_id    = "wsb-bh8rsxt14"
  user_name    = "alice"
}
