resource "google_container_cluster" "main" {
  name            = "main"
  # expect
  logging_service = "none"
}
