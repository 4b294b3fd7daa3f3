resource "google_container_cluster" "main" {
  name               = "main"
  # expect
  enable_legacy_abac = true
}
