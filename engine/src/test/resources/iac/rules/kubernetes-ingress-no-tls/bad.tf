# expect
resource "kubernetes_ingress_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }
  spec {
    rule {
      host = "shop.example.com"
      http {
        path {
          path = "/"
          backend {
            service {
              name = "web"
              port {
                number = 443
              }
            }
          }
        }
      }
    }
  }
}
