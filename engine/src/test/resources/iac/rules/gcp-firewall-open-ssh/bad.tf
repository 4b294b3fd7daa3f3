resource "google_compute_firewall" "ssh" {
  name    = "ssh"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  # expect
  source_ranges = ["0.0.0.0/0"]
}
