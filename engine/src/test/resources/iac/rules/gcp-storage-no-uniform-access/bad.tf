resource "google_storage_bucket" "data" {
  name                        = "data"
  location                    = "EU"
  # expect
  uniform_bucket_level_access = false
}
