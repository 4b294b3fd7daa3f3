resource "azurerm_servicebus_namespace" "bus" {
  name                = "bus"
  sku                 = "Standard"
  # expect
  minimum_tls_version = "1.1"
}
