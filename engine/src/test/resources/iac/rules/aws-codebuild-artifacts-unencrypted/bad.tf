resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = aws_iam_role.build.arn
  artifacts {
    type                = "S3"
    # expect
    encryption_disabled = true
  }
}
