resource "google_container_cluster" "main" {
  name                  = "main"
  enable_shielded_nodes = true
}
