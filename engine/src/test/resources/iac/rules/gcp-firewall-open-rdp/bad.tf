resource "google_compute_firewall" "rdp" {
  name    = "rdp"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["3389", "443"]
  }
  # expect
  source_ranges = ["0.0.0.0/0"]
}
