resource "aws_cognito_identity_pool" "app" {
  identity_pool_name               = "app"
  # expect
  allow_unauthenticated_identities = true
}
