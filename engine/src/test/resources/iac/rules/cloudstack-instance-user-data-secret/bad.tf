resource "cloudstack_instance" "web" {
  name             = "web"
  service_offering = "small"
  template         = "ubuntu-24.04"
  zone             = "zone-1"
  # expect
  user_data        = <<-EOT
    #!/bin/bash
    echo "db_password=Sup3rS3cretPw" > /etc/app.env
  EOT
}
