resource "aws_athena_workgroup" "analytics" {
  name = "analytics"
  configuration {
    # expect
    enforce_workgroup_configuration = false
  }
}
