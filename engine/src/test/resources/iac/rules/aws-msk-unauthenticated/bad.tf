resource "aws_msk_cluster" "events" {
  cluster_name = "events"
  client_authentication {
    # expect
    unauthenticated = true
  }
}
