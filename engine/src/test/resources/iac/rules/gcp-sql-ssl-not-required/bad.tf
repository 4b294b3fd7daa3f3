resource "google_sql_database_instance" "db" {
  name = "db"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      # expect
      require_ssl = false
    }
  }
}
# expect
resource "google_sql_database_instance" "defaults" {
  name = "defaults"
  settings {
    tier = "db-f1-micro"
  }
}
