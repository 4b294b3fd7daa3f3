resource "aws_eks_node_group" "workers" {
  cluster_name  = aws_eks_cluster.main.name
  node_role_arn = aws_iam_role.nodes.arn
  subnet_ids    = [aws_subnet.private.id]
  # expect
  remote_access {
    ec2_ssh_key = "ops"
  }
}
