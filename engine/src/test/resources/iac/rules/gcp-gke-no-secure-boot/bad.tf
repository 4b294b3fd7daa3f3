resource "google_container_node_pool" "pool" {
  cluster = google_container_cluster.main.id
  # expect
  node_config {
    machine_type = "e2-standard-4"
  }
}
