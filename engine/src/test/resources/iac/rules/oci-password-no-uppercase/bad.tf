resource "oci_identity_authentication_policy" "policy" {
  compartment_id = var.tenancy_ocid
  password_policy {
    # expect
    is_uppercase_characters_required = false
  }
}
