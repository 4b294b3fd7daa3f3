resource "aws_qldb_ledger" "audit" {
  name             = "audit"
  # expect
  permissions_mode = "ALLOW_ALL"
}
