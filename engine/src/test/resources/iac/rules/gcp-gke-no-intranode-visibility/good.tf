resource "google_container_cluster" "main" {
  name                        = "main"
  enable_intranode_visibility = true
}
