resource "github_repository" "app" {
  name       = "app"
  # expect
  visibility = "public"
}
