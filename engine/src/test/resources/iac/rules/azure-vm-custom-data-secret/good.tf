resource "azurerm_linux_virtual_machine" "web" {
  name = "web"
  custom_data = <<-EOT
    #!/bin/bash
    apt-get install -y nginx
  EOT
}
