resource "azurerm_storage_account" "data" {
  name = "data"
  network_rules {
    default_action = "Deny"
    ip_rules       = ["203.0.113.10"]
  }
}
resource "azurerm_storage_account" "separate" {
  name = "separate"
}
resource "azurerm_storage_account_network_rules" "separate" {
  storage_account_id = azurerm_storage_account.separate.id
  default_action     = "Deny"
  bypass             = ["AzureServices"]
}
resource "azurerm_storage_account" "private" {
  name                          = "private"
  public_network_access_enabled = false
}
