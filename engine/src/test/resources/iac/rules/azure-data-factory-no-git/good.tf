resource "azurerm_data_factory" "etl" {
  name = "etl"
  github_configuration {
    account_name    = "acme"
    branch_name     = "main"
    git_url         = "https://github.com"
    repository_name = "etl"
    root_folder     = "/"
  }
}
