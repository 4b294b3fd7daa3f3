resource "google_container_cluster" "main" {
  name = "main"
  release_channel {
    channel = "REGULAR"
  }
}
