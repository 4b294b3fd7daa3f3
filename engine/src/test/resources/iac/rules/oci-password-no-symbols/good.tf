resource "oci_identity_authentication_policy" "policy" {
  compartment_id = var.tenancy_ocid
  password_policy {
    is_special_characters_required = true
  }
}
