resource "alicloud_mongodb_instance" "docs" {
  engine_version   = "4.4"
  security_ip_list = ["10.0.0.0/16"]
}
