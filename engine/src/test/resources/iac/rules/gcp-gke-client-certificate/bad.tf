resource "google_container_cluster" "main" {
  name = "main"
  master_auth {
    client_certificate_config {
      # expect
      issue_client_certificate = true
    }
  }
}
