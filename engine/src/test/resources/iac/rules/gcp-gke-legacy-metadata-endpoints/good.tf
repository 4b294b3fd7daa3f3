resource "google_container_node_pool" "pool" {
  cluster = google_container_cluster.main.id
  node_config {
    metadata = {
      disable-legacy-endpoints = "true"
    }
  }
}
