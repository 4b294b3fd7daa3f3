resource "google_container_cluster" "main" {
  name              = "main"
  datapath_provider = "ADVANCED_DATAPATH"
}
