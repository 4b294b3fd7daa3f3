resource "google_compute_firewall" "rdp" {
  name    = "rdp"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
  source_ranges = ["0.0.0.0/0"]
}
