resource "google_compute_instance" "vm" {
  name = "vm"
  metadata = {
    # expect
    serial-port-enable = true
  }
}
