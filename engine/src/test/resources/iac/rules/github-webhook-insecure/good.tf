resource "github_repository_webhook" "ci" {
  repository = github_repository.app.name
  events     = ["push"]
  configuration {
    url          = "https://ci.example.com/hook"
    content_type = "json"
    insecure_ssl = false
  }
}
