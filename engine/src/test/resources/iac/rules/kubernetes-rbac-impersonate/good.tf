resource "kubernetes_role" "operator" {
  metadata {
    name = "operator"
  }
  rule {
    api_groups = [""]
    resources  = ["serviceaccounts"]
    verbs      = ["get"]
  }
}
