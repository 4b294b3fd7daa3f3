resource "openstack_objectstorage_container_v1" "assets" {
  name           = "assets"
  container_read = "project-id:user-id"
}
