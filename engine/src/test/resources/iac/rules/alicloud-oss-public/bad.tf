resource "alicloud_oss_bucket" "data" {
  bucket = "data"
  # expect
  acl    = "public-read"
}
