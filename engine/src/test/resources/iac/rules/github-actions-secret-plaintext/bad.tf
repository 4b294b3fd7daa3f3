resource "github_actions_secret" "deploy" {
  repository      = github_repository.app.name
  secret_name     = "DEPLOY_TOKEN"
  # expect
  plaintext_value = "ghp_4fj3k2l1m0n9b8v7c6x5z4a3s2d1f0g9h8j7"
}
