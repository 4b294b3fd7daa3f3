resource "google_cloudfunctions_function" "hook" {
  name             = "hook"
  runtime          = "python312"
  # expect
  ingress_settings = "ALLOW_ALL"
}
