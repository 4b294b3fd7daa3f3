resource "google_compute_instance" "vm" {
  name           = "vm"
  # expect
  can_ip_forward = true
}
