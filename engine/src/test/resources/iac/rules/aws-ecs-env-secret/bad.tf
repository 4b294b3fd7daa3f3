resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "registry.example.com/app:1.4.2"
      environment = [
        { name = "LOG_LEVEL", value = "info" },
        # expect
        { name = "DB_PASSWORD", value = "Sup3rS3cretPw" }
      ]
    }
  ])
}
