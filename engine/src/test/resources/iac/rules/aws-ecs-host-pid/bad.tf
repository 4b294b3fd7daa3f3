resource "aws_ecs_task_definition" "agent" {
  family                = "agent"
  container_definitions = "[]"
  # expect
  pid_mode              = "host"
}
