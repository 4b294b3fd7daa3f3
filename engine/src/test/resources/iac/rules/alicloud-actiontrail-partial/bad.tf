resource "alicloud_actiontrail_trail" "audit" {
  trail_name   = "audit"
  # expect
  event_rw     = "Write"
  # expect
  trail_region = "cn-hangzhou"
}
