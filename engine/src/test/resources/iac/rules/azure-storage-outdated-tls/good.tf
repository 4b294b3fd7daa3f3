resource "azurerm_storage_account" "data" {
  name            = "data"
  min_tls_version = "TLS1_2"
}
