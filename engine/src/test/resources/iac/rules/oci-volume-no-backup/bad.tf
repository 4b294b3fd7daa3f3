# expect
resource "oci_core_volume" "data" {
  compartment_id = var.compartment_id
  size_in_gbs    = 100
}
