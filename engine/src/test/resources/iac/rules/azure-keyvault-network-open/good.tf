resource "azurerm_key_vault" "main" {
  name                     = "main"
  purge_protection_enabled = true
  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}
resource "azurerm_key_vault" "private" {
  name                          = "private"
  purge_protection_enabled      = true
  public_network_access_enabled = false
}
