data "aws_iam_policy_document" "ci" {
  statement {
    effect    = "Allow"
    # expect
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::artifacts/*"]
  }
}
