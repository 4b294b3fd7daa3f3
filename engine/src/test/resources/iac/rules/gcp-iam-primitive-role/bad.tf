resource "google_project_iam_member" "dev" {
  project = "my-project"
  # expect
  role    = "roles/editor"
  member  = "user:dev@example.com"
}
