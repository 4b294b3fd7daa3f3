resource "google_container_cluster" "main" {
  name            = "main"
  logging_service = "logging.googleapis.com/kubernetes"
}
