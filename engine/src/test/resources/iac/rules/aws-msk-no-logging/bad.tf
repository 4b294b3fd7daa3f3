# expect
resource "aws_msk_cluster" "events" {
  cluster_name  = "events"
  kafka_version = "3.6.0"
}
