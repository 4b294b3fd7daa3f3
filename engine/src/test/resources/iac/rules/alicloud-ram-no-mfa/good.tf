resource "alicloud_ram_security_preference" "prefs" {
  enforce_mfa_for_login = true
}
