resource "google_container_cluster" "main" {
  name = "main"
  network_policy {
    # expect
    enabled = false
  }
}
