resource "github_branch_protection_v3" "main" {
  repository     = github_repository.app.name
  branch         = "main"
  # expect
  enforce_admins = false
}
