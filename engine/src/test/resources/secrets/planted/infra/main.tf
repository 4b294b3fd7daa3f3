terraform {
  required_version = ">= 1.5"
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIA3DHODZDOCIS2JHTL"
}

resource "aws_db_instance" "orders" {
  engine   = "postgres"
  username = "orders"
  password = "JduRHHJEYXg4JdpmrcXg"
}
