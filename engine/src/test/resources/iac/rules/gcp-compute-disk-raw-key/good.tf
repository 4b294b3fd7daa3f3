resource "google_compute_disk" "data" {
  name = "data"
  disk_encryption_key {
    kms_key_self_link = google_kms_crypto_key.disks.id
  }
}
