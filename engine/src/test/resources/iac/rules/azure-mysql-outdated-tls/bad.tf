resource "azurerm_mysql_server" "db" {
  name                             = "db"
  # expect
  ssl_minimal_tls_version_enforced = "TLS1_1"
}
