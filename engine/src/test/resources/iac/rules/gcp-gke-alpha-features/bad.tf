resource "google_container_cluster" "main" {
  name                    = "main"
  # expect
  enable_kubernetes_alpha = true
}
