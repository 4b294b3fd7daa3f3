# expect
resource "alicloud_kms_key" "data" {
  description = "data"
}
