resource "azurerm_key_vault" "main" {
  name                     = "main"
  purge_protection_enabled = true
  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}
