resource "oci_file_storage_file_system" "shared" {
  availability_domain = "AD-1"
  compartment_id      = var.compartment_id
  kms_key_id          = oci_kms_key.fs.id
}
