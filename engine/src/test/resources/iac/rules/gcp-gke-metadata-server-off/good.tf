resource "google_container_node_pool" "pool" {
  cluster = google_container_cluster.main.id
  node_config {
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}
