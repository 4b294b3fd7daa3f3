resource "github_repository" "app" {
  name       = "app"
  visibility = "private"
}
resource "github_branch_protection" "main" {
  repository_id = github_repository.app.node_id
  pattern       = "main"
}
