resource "google_compute_firewall" "out" {
  name      = "out"
  network   = google_compute_network.main.name
  direction = "EGRESS"
  allow {
    protocol = "all"
  }
  # expect
  destination_ranges = ["0.0.0.0/0"]
}
