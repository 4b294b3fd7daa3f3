resource "nifcloud_instance" "web" {
  instance_id = "web"
  image_id    = "221"
  network_interface {
    # expect
    network_id = "net-COMMON_GLOBAL"
  }
}
