resource "github_actions_secret" "deploy" {
  repository      = github_repository.app.name
  secret_name     = "DEPLOY_TOKEN"
  encrypted_value = var.deploy_token_sealed
}
