resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-small"
  service_account {
    email  = "123456789-compute@developer.gserviceaccount.com"
    # expect
    scopes = ["cloud-platform"]
  }
}
