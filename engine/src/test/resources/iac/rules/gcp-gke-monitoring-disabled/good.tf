resource "google_container_cluster" "main" {
  name               = "main"
  monitoring_service = "monitoring.googleapis.com/kubernetes"
}
