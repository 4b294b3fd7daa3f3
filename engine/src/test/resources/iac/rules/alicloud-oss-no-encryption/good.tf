resource "alicloud_oss_bucket" "data" {
  bucket = "data"
  server_side_encryption_rule {
    sse_algorithm     = "KMS"
    kms_master_key_id = alicloud_kms_key.oss.id
  }
}
