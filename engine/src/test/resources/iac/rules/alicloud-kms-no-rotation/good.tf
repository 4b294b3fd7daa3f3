resource "alicloud_kms_key" "data" {
  description        = "data"
  automatic_rotation = "Enabled"
  rotation_interval  = "365d"
}
