resource "aws_ecr_repository" "app" {
  name                 = "app"
  # expect
  image_tag_mutability = "MUTABLE"
}
