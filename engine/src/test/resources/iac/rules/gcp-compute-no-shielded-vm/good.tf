resource "google_compute_instance" "vm" {
  name = "vm"
  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }
}
