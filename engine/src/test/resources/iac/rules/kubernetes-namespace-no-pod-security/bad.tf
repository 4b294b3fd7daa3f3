# expect
resource "kubernetes_namespace_v1" "shop" {
  metadata {
    name = "shop"
    labels = {
      team = "web"
    }
  }
}
