# expect
resource "google_dataproc_cluster" "etl" {
  name   = "etl"
  region = "europe-west1"
}
