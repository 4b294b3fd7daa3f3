resource "github_branch_protection" "main" {
  repository_id = github_repository.app.node_id
  pattern       = "main"
  required_pull_request_reviews {
    required_approving_review_count = 2
    # expect
    dismiss_stale_reviews           = false
  }
}
