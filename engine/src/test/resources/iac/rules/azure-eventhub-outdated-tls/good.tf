resource "azurerm_eventhub_namespace" "events" {
  name                = "events"
  sku                 = "Standard"
  minimum_tls_version = "1.2"
}
