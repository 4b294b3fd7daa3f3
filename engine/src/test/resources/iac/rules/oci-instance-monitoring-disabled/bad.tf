resource "oci_core_instance" "web" {
  availability_domain = "AD-1"
  compartment_id      = var.compartment_id
  shape               = "VM.Standard.E4.Flex"
  agent_config {
    # expect
    is_monitoring_disabled = true
  }
}
