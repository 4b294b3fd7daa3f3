resource "azurerm_mysql_server" "db" {
  name = "db"
  threat_detection_policy {
    enabled = true
  }
}
