resource "google_compute_instance" "vm" {
  name = "vm"
  shielded_instance_config {
    # expect
    enable_secure_boot = false
  }
}
