region = "eu-west-1"
db_master_password = "Tf9kq2Wz7x!"
