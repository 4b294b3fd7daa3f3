resource "nifcloud_instance" "web" {
  instance_id = "web"
  image_id    = "221"
  network_interface {
    network_id = nifcloud_private_lan.app.id
  }
}
