resource "azurerm_role_definition" "owner" {
  name  = "custom-owner"
  scope = data.azurerm_subscription.primary.id
  permissions {
    # expect
    actions     = ["*"]
    not_actions = []
  }
}
