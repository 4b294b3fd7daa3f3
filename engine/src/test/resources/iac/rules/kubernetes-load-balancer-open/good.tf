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
    type                        = "LoadBalancer"
    load_balancer_source_ranges = ["203.0.113.0/24"]
  }
}
