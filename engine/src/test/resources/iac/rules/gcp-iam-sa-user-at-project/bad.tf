resource "google_project_iam_member" "deployer" {
  project = "acme-prod"
  # expect
  role    = "roles/iam.serviceAccountUser"
  member  = "user:alice@example.com"
}
