resource "oci_core_volume" "data" {
  compartment_id   = var.compartment_id
  size_in_gbs      = 100
  backup_policy_id = data.oci_core_volume_backup_policies.gold.volume_backup_policies[0].id
}
