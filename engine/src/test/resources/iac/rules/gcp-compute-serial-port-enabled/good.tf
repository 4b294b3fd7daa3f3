resource "google_compute_instance" "vm" {
  name = "vm"
  metadata = {
    enable-oslogin = "TRUE"
  }
}
