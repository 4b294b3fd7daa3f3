# provision the service account
$password = ConvertTo-SecureString "Ps9kq2Wz7x!" -AsPlainText -Force
$env:AZURE_CLIENT_SECRET = "Az8Q~kq2Wz7xLm4vRt9nB3cX5yH6jP1sD0fG"
net use \\fs01\share /user:ACME\backup Nu7wq2Kz9x
