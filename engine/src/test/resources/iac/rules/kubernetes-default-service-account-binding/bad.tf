resource "kubernetes_role_binding_v1" "reader" {
  metadata {
    name      = "reader"
    namespace = "shop"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "Role"
    name      = "reader"
  }
  # expect
  subject {
    kind      = "ServiceAccount"
    name      = "default"
    namespace = "shop"
  }
}
