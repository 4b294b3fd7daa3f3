# expect
resource "alicloud_disk" "data" {
  zone_id = "cn-beijing-b"
  size    = 100
}
