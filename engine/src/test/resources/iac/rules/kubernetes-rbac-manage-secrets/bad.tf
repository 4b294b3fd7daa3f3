resource "kubernetes_role_v1" "operator" {
  metadata {
    name      = "operator"
    namespace = "shop"
  }
  rule {
    api_groups = [""]
    # expect
    resources  = ["secrets"]
    verbs      = ["create", "delete"]
  }
}
