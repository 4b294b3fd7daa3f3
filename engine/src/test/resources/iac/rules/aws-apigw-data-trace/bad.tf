resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = "prod"
  method_path = "*/*"
  settings {
    logging_level      = "INFO"
    # expect
    data_trace_enabled = true
  }
}
