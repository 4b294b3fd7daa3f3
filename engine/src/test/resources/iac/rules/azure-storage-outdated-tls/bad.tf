resource "azurerm_storage_account" "data" {
  name            = "data"
  # expect
  min_tls_version = "TLS1_0"
}
