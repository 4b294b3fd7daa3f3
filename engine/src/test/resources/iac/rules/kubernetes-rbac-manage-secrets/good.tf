resource "kubernetes_role_v1" "operator" {
  metadata {
    name      = "operator"
    namespace = "shop"
  }
  rule {
    api_groups = [""]
    resources  = ["secrets"]
    verbs      = ["get"]
  }
}
