resource "azurerm_postgresql_server" "pg" {
  name                             = "pg"
  ssl_minimal_tls_version_enforced = "TLS1_2"
}
