resource "github_repository" "app" {
  name       = "app"
  visibility = "private"
}
