resource "kubernetes_ingress_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }
  spec {
    tls {
      hosts       = ["shop.example.com"]
      secret_name = "shop-tls"
    }
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
