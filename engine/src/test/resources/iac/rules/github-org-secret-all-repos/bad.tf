resource "github_actions_organization_secret" "registry" {
  secret_name     = "REGISTRY_TOKEN"
  encrypted_value = var.registry_token_sealed
  # expect
  visibility      = "all"
}
