#!/bin/sh
echo "$REGISTRY_TOKEN" | docker login -u ci --password-stdin registry.corp.internal
mysql -h db.internal -u root -p shop
mysql -u root -p"$MYSQL_ROOT_PASSWORD" shop
sshpass -e ssh deploy@10.0.0.5
curl -u "$NEXUS_USER:$NEXUS_PASSWORD" https://nexus.corp.internal
mytool --password "${DB_PASSWORD}" --token $API_TOKEN
docker run -u 1000:1000 image
read -s -p "Password: " password
