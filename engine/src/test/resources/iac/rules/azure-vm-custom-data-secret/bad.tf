resource "azurerm_linux_virtual_machine" "web" {
  name = "web"
  # expect
  custom_data = <<-EOT
    #!/bin/bash
    export DB_PASSWORD=Sup3rS3cretPw
  EOT
}
