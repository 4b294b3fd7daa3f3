resource "google_compute_ssl_policy" "web" {
  name            = "web"
  # expect
  min_tls_version = "TLS_1_0"
  # expect
  profile         = "COMPATIBLE"
}
