resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.eks.arn
  vpc_config {
    subnet_ids             = ["subnet-1", "subnet-2"]
    # expect
    endpoint_public_access = true
  }
}
