resource "google_container_cluster" "main" {
  name               = "main"
  enable_legacy_abac = false
}
