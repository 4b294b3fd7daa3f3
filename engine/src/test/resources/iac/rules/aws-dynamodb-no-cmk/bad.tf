# expect
resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"
}
