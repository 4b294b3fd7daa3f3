resource "digitalocean_droplet" "web" {
  image    = "ubuntu-24-04-x64"
  name     = "web"
  region   = "ams3"
  size     = "s-1vcpu-1gb"
  ssh_keys = [digitalocean_ssh_key.ops.fingerprint]
}
