resource "nifcloud_db_instance" "db" {
  instance_class      = "db.large8"
  engine              = "MySQL"
  publicly_accessible = false
}
