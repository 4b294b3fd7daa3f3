resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.app.arn
  network_configuration {
    subnets          = [aws_subnet.public.id]
    # expect
    assign_public_ip = true
  }
}
