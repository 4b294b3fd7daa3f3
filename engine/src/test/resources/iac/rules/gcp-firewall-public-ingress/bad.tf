resource "google_compute_firewall" "web" {
  name    = "web"
  network = google_compute_network.main.name
  allow {
    protocol = "tcp"
    ports    = ["8080"]
  }
  # expect
  source_ranges = ["0.0.0.0/0"]
}
