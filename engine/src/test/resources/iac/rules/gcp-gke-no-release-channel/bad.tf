# expect
resource "google_container_cluster" "main" {
  name = "main"
}
