resource "azurerm_postgresql_server" "pg" {
  name = "pg"
  threat_detection_policy {
    enabled = true
  }
}
