resource "aws_ses_configuration_set" "mail" {
  name = "mail"
  delivery_options {
    # expect
    tls_policy = "Optional"
  }
}
