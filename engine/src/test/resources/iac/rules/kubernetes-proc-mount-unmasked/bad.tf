resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }
  spec {
    replicas = 2
    template {
      metadata {
        labels = {
          app = "web"
        }
      }
      spec {
        automount_service_account_token = false
        security_context {
          seccomp_profile {
            type = "RuntimeDefault"
          }
        }
        container {
          name              = "web"
          image             = "registry.example.com/web:1.4.2@sha256:4d4d3ee4d1b1a4ab2aab24e0f6f6b3ab9b25e0cde3d0c3f8f2c2b8e2d2f4c5a6"
          image_pull_policy = "Always"
          security_context {
            run_as_non_root            = true
            run_as_user                = 10001
            allow_privilege_escalation = false
            # expect
            proc_mount                 = "Unmasked"
            read_only_root_filesystem  = true
            capabilities {
              drop = ["ALL"]
            }
          }
          resources {
            limits = {
              cpu    = "500m"
              memory = "256Mi"
            }
            requests = {
              cpu    = "100m"
              memory = "128Mi"
            }
          }
          liveness_probe {
            http_get {
              path = "/healthz"
              port = 8080
            }
          }
          readiness_probe {
            http_get {
              path = "/ready"
              port = 8080
            }
          }
        }
      }
    }
  }
}
