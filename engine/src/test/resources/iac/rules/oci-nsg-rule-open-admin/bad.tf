resource "oci_core_network_security_group_security_rule" "rdp" {
  network_security_group_id = oci_core_network_security_group.win.id
  direction                 = "INGRESS"
  protocol                  = "6"
  # expect
  source                    = "0.0.0.0/0"
  tcp_options {
    destination_port_range {
      min = 3389
      max = 3389
    }
  }
}
