resource "google_project_iam_member" "ci" {
  project = "acme-prod"
  role    = "roles/run.developer"
  member  = "serviceAccount:ci@acme-prod.iam.gserviceaccount.com"
}
