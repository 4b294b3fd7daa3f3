resource "google_container_node_pool" "pool" {
  cluster = google_container_cluster.main.id
  management {
    # expect
    auto_repair  = false
    auto_upgrade = true
  }
}
