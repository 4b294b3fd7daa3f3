resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-small"
  network_interface {
    network = "default"
    # expect
    access_config {
    }
  }
}
