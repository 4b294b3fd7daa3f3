resource "google_compute_firewall" "out" {
  name      = "out"
  network   = google_compute_network.main.name
  direction = "EGRESS"
  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
  destination_ranges = ["10.20.0.0/16"]
}
