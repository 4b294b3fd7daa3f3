resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  service_account {
    # expect
    email  = "123456789012-compute@developer.gserviceaccount.com"
    scopes = ["https://www.googleapis.com/auth/devstorage.read_only"]
  }
}
