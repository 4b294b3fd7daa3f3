resource "cloudstack_instance" "web" {
  name             = "web"
  service_offering = "small"
  template         = "ubuntu-24.04"
  zone             = "zone-1"
  user_data        = <<-EOT
    #!/bin/bash
    apt-get install -y nginx
  EOT
}
