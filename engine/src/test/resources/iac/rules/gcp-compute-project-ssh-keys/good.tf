resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  metadata = {
    block-project-ssh-keys = "true"
  }
}
