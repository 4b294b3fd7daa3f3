resource "aws_ecs_task_definition" "agent" {
  family                = "agent"
  container_definitions = "[]"
  pid_mode              = "task"
}
