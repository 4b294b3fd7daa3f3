resource "kubernetes_cluster_role_v1" "operator" {
  metadata {
    name = "operator"
  }
  rule {
    api_groups = ["rbac.authorization.k8s.io"]
    resources  = ["roles"]
    verbs      = ["list"]
  }
}
