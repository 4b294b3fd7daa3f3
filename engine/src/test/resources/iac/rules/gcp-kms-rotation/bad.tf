resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = google_kms_key_ring.main.id
  # expect
  rotation_period = "31536000s"
}
