resource "digitalocean_spaces_bucket" "assets" {
  name          = "assets"
  region        = "ams3"
  # expect
  force_destroy = true
}
