resource "kubernetes_cluster_role_v1" "operator" {
  metadata {
    name = "operator"
  }
  rule {
    api_groups = [""]
    resources  = ["pods/log"]
    verbs      = ["get"]
  }
}
