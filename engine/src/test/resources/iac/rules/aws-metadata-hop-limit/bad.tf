resource "aws_launch_template" "web" {
  name = "web"
  metadata_options {
    http_tokens                 = "required"
    # expect
    http_put_response_hop_limit = 3
  }
}
