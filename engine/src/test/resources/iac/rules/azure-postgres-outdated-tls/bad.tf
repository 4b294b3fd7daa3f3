resource "azurerm_postgresql_server" "pg" {
  name                             = "pg"
  # expect
  ssl_minimal_tls_version_enforced = "TLS1_0"
}
