resource "google_storage_bucket" "data" {
  name     = "data"
  location = "EU"
  versioning {
    enabled = true
  }
}
