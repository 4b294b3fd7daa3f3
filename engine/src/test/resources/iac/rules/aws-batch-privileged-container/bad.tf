resource "aws_batch_job_definition" "job" {
  name = "job"
  type = "container"
  container_properties = jsonencode({
    image      = "registry.example.com/job:2.0.1"
    # expect
    privileged = true
  })
}
