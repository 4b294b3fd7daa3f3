resource "github_branch_protection" "main" {
  repository_id       = github_repository.app.node_id
  pattern             = "main"
  # expect
  allows_force_pushes = true
}
