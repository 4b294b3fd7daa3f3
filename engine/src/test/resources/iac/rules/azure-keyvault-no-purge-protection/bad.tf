resource "azurerm_key_vault" "main" {
  name                     = "main"
  # expect
  purge_protection_enabled = false
  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}
