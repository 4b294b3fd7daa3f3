resource "aws_msk_cluster" "events" {
  cluster_name = "events"
  client_authentication {
    unauthenticated = false
    sasl {
      iam = true
    }
  }
}
