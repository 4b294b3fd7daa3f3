resource "alicloud_mongodb_instance" "docs" {
  engine_version   = "4.4"
  # expect
  security_ip_list = ["0.0.0.0/0"]
}
