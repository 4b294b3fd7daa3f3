resource "azurerm_mysql_server" "db" {
  name                             = "db"
  ssl_minimal_tls_version_enforced = "TLS1_2"
}
