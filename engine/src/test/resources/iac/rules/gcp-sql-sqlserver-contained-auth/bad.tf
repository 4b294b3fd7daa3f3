resource "google_sql_database_instance" "db" {
  database_version = "SQLSERVER_2019_STANDARD"
  settings {
    tier = "db-custom-2-7680"
    database_flags {
      name  = "contained database authentication"
      # expect
      value = "on"
    }
  }
}
