resource "digitalocean_kubernetes_cluster" "main" {
  name          = "main"
  region        = "ams3"
  surge_upgrade = true
}
