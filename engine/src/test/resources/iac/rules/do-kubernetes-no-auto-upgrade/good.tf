resource "digitalocean_kubernetes_cluster" "main" {
  name         = "main"
  region       = "ams3"
  version      = "1.30.1-do.0"
  auto_upgrade = true
}
