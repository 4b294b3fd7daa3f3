resource "google_container_cluster" "main" {
  name                  = "main"
  # expect
  enable_shielded_nodes = false
}
