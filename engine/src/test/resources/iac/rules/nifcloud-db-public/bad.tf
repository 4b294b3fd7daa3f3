resource "nifcloud_db_instance" "db" {
  instance_class      = "db.large8"
  engine              = "MySQL"
  # expect
  publicly_accessible = true
}
