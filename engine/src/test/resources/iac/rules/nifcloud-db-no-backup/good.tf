resource "nifcloud_db_instance" "db" {
  instance_class          = "db.large8"
  backup_retention_period = 7
}
