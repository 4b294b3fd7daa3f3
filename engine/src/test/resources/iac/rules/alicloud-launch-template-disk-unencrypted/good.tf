resource "alicloud_ecs_launch_template" "web" {
  launch_template_name = "web"
  data_disks {
    size      = 100
    encrypted = true
  }
}
