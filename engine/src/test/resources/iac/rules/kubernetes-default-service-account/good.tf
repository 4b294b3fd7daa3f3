resource "kubernetes_service_account_v1" "default" {
  metadata {
    name      = "default"
    namespace = "shop"
  }
  automount_service_account_token = false
}
