resource "azurerm_servicebus_namespace" "bus" {
  name                = "bus"
  sku                 = "Standard"
  minimum_tls_version = "1.2"
}
