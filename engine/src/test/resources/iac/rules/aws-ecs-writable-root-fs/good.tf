resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = "registry.example.com/app:1.4.2"
      readonlyRootFilesystem = true
    }
  ])
}
