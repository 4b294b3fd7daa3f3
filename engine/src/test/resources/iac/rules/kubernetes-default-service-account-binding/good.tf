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
  subject {
    kind      = "ServiceAccount"
    name      = "web"
    namespace = "shop"
  }
}
