resource "kubernetes_service_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }
  spec {
    selector = {
      app = "web"
    }
    port {
      port        = 443
      target_port = 8443
    }
    # expect
    external_ips = ["198.51.100.32"]
  }
}
