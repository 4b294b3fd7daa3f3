resource "alicloud_actiontrail_trail" "audit" {
  trail_name   = "audit"
  event_rw     = "All"
  trail_region = "All"
}
