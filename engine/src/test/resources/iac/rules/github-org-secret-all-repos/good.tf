resource "github_actions_organization_secret" "registry" {
  secret_name             = "REGISTRY_TOKEN"
  encrypted_value         = var.registry_token_sealed
  visibility              = "selected"
  selected_repository_ids = [github_repository.app.repo_id]
}
