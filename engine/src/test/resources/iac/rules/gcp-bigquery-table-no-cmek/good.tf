resource "google_bigquery_dataset" "events" {
  dataset_id = "events"
  default_encryption_configuration {
    kms_key_name = google_kms_crypto_key.bq.id
  }
}
resource "google_bigquery_table" "clicks" {
  dataset_id = google_bigquery_dataset.events.dataset_id
  table_id   = "clicks"
}
