resource "google_project_iam_member" "dev" {
  project = "my-project"
  role    = "roles/logging.viewer"
  member  = "user:dev@example.com"
}
