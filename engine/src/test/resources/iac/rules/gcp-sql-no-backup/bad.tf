resource "google_sql_database_instance" "db" {
  name = "db"
  settings {
    tier = "db-f1-micro"
    backup_configuration {
      # expect
      enabled = false
    }
  }
}
