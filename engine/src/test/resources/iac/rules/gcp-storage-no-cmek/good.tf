resource "google_storage_bucket" "data" {
  name     = "acme-data"
  location = "EU"
  encryption {
    default_kms_key_name = google_kms_crypto_key.storage.id
  }
}
