resource "oci_core_instance" "web" {
  availability_domain = "AD-1"
  compartment_id      = var.compartment_id
  shape               = "VM.Standard.E4.Flex"
  launch_options {
    is_pv_encryption_in_transit_enabled = true
  }
}
