resource "alicloud_ram_account_password_policy" "policy" {
  minimum_password_length = 14
  # expect
  require_numbers         = false
}
