resource "alicloud_oss_bucket" "data" {
  bucket = "data"
  versioning {
    status = "Enabled"
  }
}
