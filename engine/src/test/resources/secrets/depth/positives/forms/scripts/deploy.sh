#!/bin/bash
export DB_PASSWORD=Sh7kq2Wz9x
PGPASSWORD='Pg8wZ2kq7X' psql -h db -U app -c 'select 1'
curl --user deploy:Cu9kq2Wz7x https://nexus.acme.io/repository/raw/
wget --http-user=ci --http-password=Wg5zK8wq2X https://files.acme.io/build.tgz
keytool -importkeystore -srckeystore in.p12 -srcstorepass Kt7wq2Zk9x -destkeystore out.jks -deststorepass Kt7wq2Zk9x
openssl pkcs12 -export -in cert.pem -inkey key.pem -out cert.p12 -passout pass:Os8kZ2wq7X
gpg --batch --passphrase 'Gp9wq2Kz7x' --decrypt backup.gpg
java -Dspring.datasource.password=Jv8kq2Wz5x -jar app.jar
sqlcmd -S sql01 -U sa -P 'Sc7kZ2wq9X' -Q "BACKUP DATABASE crm"
redis-cli -h cache -a Rc8wq2Kz7x ping
ldapsearch -x -D "cn=admin,dc=acme,dc=io" -w Ld9kq2Wz7x -b dc=acme,dc=io
git clone https://builder:Gc7kZ2wq8X@git.acme.io/platform/infra.git
smbclient //fs01/share -U backup%Sb8wq2Kz7x
echo "Ec9kq2Wz7x" | sudo -S systemctl restart app
htpasswd -b -c /etc/nginx/.htpasswd admin Ht7kZ2wq9X
