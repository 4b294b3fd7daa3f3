resource "google_cloudfunctions_function" "hook" {
  name             = "hook"
  runtime          = "python312"
  ingress_settings = "ALLOW_INTERNAL_ONLY"
}
