resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  metadata = {
    # expect
    enable-oslogin = "FALSE"
  }
}
