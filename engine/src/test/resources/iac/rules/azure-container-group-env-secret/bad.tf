resource "azurerm_container_group" "app" {
  name    = "app"
  os_type = "Linux"
  container {
    name  = "app"
    image = "registry.example.com/app:1.4.2"
    environment_variables = {
      # expect
      API_TOKEN = "tok_8f3b2c1d9e7a6b5c"
    }
  }
}
