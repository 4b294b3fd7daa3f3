resource "azurerm_eventhub_namespace" "events" {
  name                = "events"
  sku                 = "Standard"
  # expect
  minimum_tls_version = "1.0"
}
