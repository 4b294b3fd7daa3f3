resource "oci_identity_authentication_policy" "policy" {
  compartment_id = var.tenancy_ocid
  password_policy {
    # expect
    minimum_password_length = 8
  }
}
