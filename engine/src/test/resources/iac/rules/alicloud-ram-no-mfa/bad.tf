resource "alicloud_ram_security_preference" "prefs" {
  # expect
  enforce_mfa_for_login = false
}
