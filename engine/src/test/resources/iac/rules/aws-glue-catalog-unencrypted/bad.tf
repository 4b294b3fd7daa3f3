resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    connection_password_encryption {
      # expect
      return_connection_password_encrypted = false
    }
    encryption_at_rest {
      # expect
      catalog_encryption_mode = "DISABLED"
    }
  }
}
