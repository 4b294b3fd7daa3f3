<?php
$token = "userid:2";
$secret = 'notHighEnoughEntropy';
$api_key = '1234567890abcdef1234567890abcdef';
$sl_token = 'abcdefghijklmnop1234';
# pass = 'hunter2'
$jwt_password = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.";
$password = getenv('DB_PASSWORD');
