resource "azurerm_storage_account" "data" {
  name = "data"
  network_rules {
    default_action = "Deny"
    ip_rules       = ["203.0.113.10"]
  }
}
