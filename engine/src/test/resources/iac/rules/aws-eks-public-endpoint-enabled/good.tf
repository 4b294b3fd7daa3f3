resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.eks.arn
  vpc_config {
    subnet_ids              = [aws_subnet.a.id]
    endpoint_public_access  = false
    endpoint_private_access = true
  }
}
