resource "google_compute_disk" "data" {
  name = "data"
  disk_encryption_key {
    # expect
    raw_key = "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="
  }
}
