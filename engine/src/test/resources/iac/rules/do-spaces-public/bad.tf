resource "digitalocean_spaces_bucket" "assets" {
  name   = "assets"
  region = "ams3"
  # expect
  acl    = "public-read"
}
