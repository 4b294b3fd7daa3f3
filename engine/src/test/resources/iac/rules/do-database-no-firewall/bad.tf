# expect
resource "digitalocean_database_cluster" "pg" {
  name       = "pg"
  engine     = "pg"
  size       = "db-s-1vcpu-1gb"
  region     = "ams3"
  node_count = 1
}
