resource "azurerm_key_vault" "main" {
  name                     = "main"
  purge_protection_enabled = true
  network_acls {
    # expect
    default_action = "Allow"
    bypass         = "AzureServices"
  }
}
