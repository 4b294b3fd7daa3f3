resource "google_container_cluster" "main" {
  name                    = "main"
  enable_kubernetes_alpha = false
}
