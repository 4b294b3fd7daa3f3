resource "aws_db_snapshot" "nightly" {
  db_instance_identifier = aws_db_instance.app.identifier
  db_snapshot_identifier = "nightly"
  # expect
  shared_accounts        = ["all"]
}
