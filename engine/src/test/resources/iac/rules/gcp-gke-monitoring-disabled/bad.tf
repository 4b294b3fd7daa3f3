resource "google_container_cluster" "main" {
  name               = "main"
  # expect
  monitoring_service = "none"
}
