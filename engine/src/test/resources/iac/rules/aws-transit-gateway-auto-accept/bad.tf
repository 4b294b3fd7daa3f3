resource "aws_ec2_transit_gateway" "hub" {
  description                     = "hub"
  # expect
  auto_accept_shared_attachments  = "enable"
}
