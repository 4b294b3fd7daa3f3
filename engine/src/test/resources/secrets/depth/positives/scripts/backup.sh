#!/bin/sh
set -eu
mysqldump -h db.internal -uroot -pR00tDb!2024 shop > /backup/shop.sql
sshpass -p 'Dpl0y!Key9' scp /backup/shop.sql ops@archive:/srv/backup/
pg_dump --dbname=orders --password=Kq7!r2Vx9 > /backup/orders.sql
docker login -u ci -p Rg9!tQ2xLm registry.corp.internal
curl --user "ci-bot:Zb8Tq2mXr5" -X POST https://jenkins.internal/job/build/build
openssl pkcs12 -export -in cert.pem -passphrase s3cr3tPhr4se -out cert.p12
curl -H "Authorization: Bearer 8fKq2LmX7vRt9ZpW3nYbQ4" https://api.corp.internal/v1/jobs
