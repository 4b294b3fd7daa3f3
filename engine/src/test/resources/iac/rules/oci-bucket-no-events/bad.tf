# expect
resource "oci_objectstorage_bucket" "data" {
  compartment_id = var.compartment_id
  name           = "data"
  namespace      = "acme"
}
