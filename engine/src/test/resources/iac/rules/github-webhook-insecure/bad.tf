resource "github_repository_webhook" "ci" {
  repository = github_repository.app.name
  events     = ["push"]
  configuration {
    # expect
    url          = "http://ci.example.com/hook"
    content_type = "json"
    # expect
    insecure_ssl = true
  }
}
