resource "aws_db_instance" "orders" {
  engine   = "postgres"
  username = "orders"
  password = "Tm8kZ2wq7X"
}
