provider "aws" {
  region     = "eu-west-1"
  # expect
  access_key = "AKIAEXAMPLEEXAMPLE12"
  # expect
  secret_key = "wJalrXUtnFEMIexampleKEYexampleKEYexampl"
}
