resource "google_kms_crypto_key_iam_member" "decrypt" {
  crypto_key_id = google_kms_crypto_key.data.id
  role          = "roles/cloudkms.cryptoKeyDecrypter"
  # expect
  member        = "allUsers"
}
