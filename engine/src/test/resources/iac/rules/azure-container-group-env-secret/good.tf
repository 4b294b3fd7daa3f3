resource "azurerm_container_group" "app" {
  name    = "app"
  os_type = "Linux"
  container {
    name  = "app"
    image = "registry.example.com/app:1.4.2"
    secure_environment_variables = {
      API_TOKEN = var.api_token
    }
  }
}
