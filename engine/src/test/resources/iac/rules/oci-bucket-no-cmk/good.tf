resource "oci_objectstorage_bucket" "data" {
  compartment_id = var.compartment_id
  name           = "data"
  namespace      = "acme"
  kms_key_id     = oci_kms_key.data.id
}
