#!/bin/bash
export DB_PASSWORD="${DB_PASSWORD:?must be set}"
PGPASSWORD="$PGPASS" psql -h db -U app
curl --user "$NEXUS_USER:$NEXUS_PASS" https://nexus.acme.io/
echo "$DOCKER_TOKEN" | docker login -u ci --password-stdin registry.acme.io
mysql -h db -u root -p orders
keytool -list -keystore out.jks -storepass:env STOREPASS
openssl rsa -in key.pem -passin env:KEY_PASS -out plain.pem
read -s -p "Password: " password
