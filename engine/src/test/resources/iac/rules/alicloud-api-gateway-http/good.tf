resource "alicloud_api_gateway_api" "items" {
  name     = "items"
  group_id = alicloud_api_gateway_group.app.id
  request_config {
    protocol = "HTTPS"
    method   = "GET"
    path     = "/items"
    mode     = "MAPPING"
  }
}
