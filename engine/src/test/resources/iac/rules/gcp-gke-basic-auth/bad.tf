resource "google_container_cluster" "main" {
  name = "main"
  master_auth {
    # expect
    username = "admin"
    password = var.gke_password
  }
}
