# expect
resource "nifcloud_router" "edge" {
  name = "edge"
}
