resource "google_compute_instance" "vm" {
  name           = "vm"
  can_ip_forward = false
}
