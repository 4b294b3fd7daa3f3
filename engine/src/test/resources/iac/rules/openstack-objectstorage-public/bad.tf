resource "openstack_objectstorage_container_v1" "assets" {
  name           = "assets"
  # expect
  container_read = ".r:*"
}
