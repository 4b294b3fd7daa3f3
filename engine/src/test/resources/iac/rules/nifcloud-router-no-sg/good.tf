resource "nifcloud_router" "edge" {
  name           = "edge"
  security_group = nifcloud_security_group.edge.group_name
}
