resource "google_container_cluster" "main" {
  name = "main"
  workload_identity_config {
    workload_pool = "acme-prod.svc.id.goog"
  }
}
