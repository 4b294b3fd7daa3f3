resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-small"
  service_account {
    email  = google_service_account.vm.email
    scopes = ["cloud-platform"]
  }
}
