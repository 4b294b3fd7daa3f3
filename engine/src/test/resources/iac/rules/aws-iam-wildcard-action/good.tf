data "aws_iam_policy_document" "ci" {
  statement {
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::artifacts/*"]
  }
}
