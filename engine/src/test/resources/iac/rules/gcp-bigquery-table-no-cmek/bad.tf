resource "google_bigquery_dataset" "events" {
  dataset_id = "events"
}
# expect
resource "google_bigquery_table" "clicks" {
  dataset_id = google_bigquery_dataset.events.dataset_id
  table_id   = "clicks"
}
