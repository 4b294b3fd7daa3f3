resource "aws_ses_configuration_set" "mail" {
  name = "mail"
  delivery_options {
    tls_policy = "Require"
  }
}
