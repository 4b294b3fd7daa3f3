resource "google_project_iam_member" "default" {
  project = "acme-prod"
  role    = "roles/storage.objectViewer"
  # expect
  member  = "serviceAccount:123456789012-compute@developer.gserviceaccount.com"
}
