resource "kubernetes_role" "operator" {
  metadata {
    name = "operator"
  }
  rule {
    api_groups = [""]
    # expect
    resources  = ["users", "groups"]
    verbs      = ["impersonate"]
  }
}
