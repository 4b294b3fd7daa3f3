# expect
resource "kubernetes_service_account_v1" "default" {
  metadata {
    name      = "default"
    namespace = "shop"
  }
}
