resource "oci_core_network_security_group_security_rule" "rdp" {
  network_security_group_id = oci_core_network_security_group.win.id
  direction                 = "INGRESS"
  protocol                  = "6"
  source                    = "10.0.0.0/16"
  tcp_options {
    destination_port_range {
      min = 3389
      max = 3389
    }
  }
}
