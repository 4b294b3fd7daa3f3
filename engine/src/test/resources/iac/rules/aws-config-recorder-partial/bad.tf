resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = aws_iam_role.config.arn
  recording_group {
    # expect
    all_supported                 = false
    # expect
    include_global_resource_types = false
  }
}
