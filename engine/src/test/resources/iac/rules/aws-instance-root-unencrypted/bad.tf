resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  root_block_device {
    # expect
    encrypted = false
  }
  metadata_options {
    http_tokens = "required"
  }
}
