resource "kubernetes_cluster_role_v1" "operator" {
  metadata {
    name = "operator"
  }
  rule {
    api_groups = [""]
    # expect
    resources  = ["pods/exec"]
    verbs      = ["create"]
  }
}
