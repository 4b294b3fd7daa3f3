resource "alicloud_ram_account_password_policy" "policy" {
  minimum_password_length = 14
  # expect
  max_login_attempts      = 10
}
