resource "google_compute_disk" "data" {
  name = "data"
  size = 100
  disk_encryption_key {
    kms_key_self_link = google_kms_crypto_key.disks.id
  }
}
