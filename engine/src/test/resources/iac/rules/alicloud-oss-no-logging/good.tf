resource "alicloud_oss_bucket" "data" {
  bucket = "data"
  logging {
    target_bucket = alicloud_oss_bucket.logs.id
    target_prefix = "data/"
  }
}
