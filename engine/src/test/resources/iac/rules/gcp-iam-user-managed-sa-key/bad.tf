# expect
resource "google_service_account_key" "ci" {
  service_account_id = google_service_account.ci.name
}
