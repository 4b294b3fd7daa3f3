resource "google_storage_bucket_iam_member" "viewer" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  # expect
  member = "allUsers"
}
