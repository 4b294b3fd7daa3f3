resource "alicloud_mongodb_instance" "docs" {
  engine_version = "4.4"
  ssl_action     = "Open"
}
