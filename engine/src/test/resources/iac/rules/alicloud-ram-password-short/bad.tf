resource "alicloud_ram_account_password_policy" "policy" {
  # expect
  minimum_password_length = 8
}
