resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  service_account {
    email  = google_service_account.web.email
    scopes = ["cloud-platform"]
  }
}
