resource "google_project_iam_member" "app" {
  project = "acme-prod"
  role    = "roles/storage.objectViewer"
  member  = "serviceAccount:app@acme-prod.iam.gserviceaccount.com"
}
