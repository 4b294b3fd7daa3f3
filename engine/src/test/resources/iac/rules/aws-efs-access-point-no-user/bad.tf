# expect
resource "aws_efs_access_point" "app" {
  file_system_id = aws_efs_file_system.shared.id
}
