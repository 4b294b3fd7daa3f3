# expect
resource "azurerm_linux_web_app" "web" {
  name = "web"
}
