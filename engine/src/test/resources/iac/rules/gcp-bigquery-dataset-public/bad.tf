resource "google_bigquery_dataset" "events" {
  dataset_id = "events"
  access {
    role          = "READER"
    # expect
    special_group = "allAuthenticatedUsers"
  }
}
