resource "digitalocean_kubernetes_cluster" "main" {
  name          = "main"
  region        = "ams3"
  # expect
  surge_upgrade = false
}
