resource "digitalocean_database_cluster" "pg" {
  name       = "pg"
  engine     = "pg"
  size       = "db-s-1vcpu-1gb"
  region     = "ams3"
  node_count = 1
}
resource "digitalocean_database_firewall" "pg" {
  cluster_id = digitalocean_database_cluster.pg.id
  rule {
    type  = "droplet"
    value = digitalocean_droplet.web.id
  }
}
