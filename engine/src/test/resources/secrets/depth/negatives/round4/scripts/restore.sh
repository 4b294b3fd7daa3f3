#!/bin/sh
set -e
mongorestore --host standby -u restore -p "$MONGO_PASSWORD" --authenticationDatabase admin /backup/latest
7z x -p /backup/files.7z
ssh-keygen -s /etc/ssh/ca -I standby -n standby01 /etc/ssh/ssh_host_ed25519_key.pub
net user restore * /add
openssl enc -d -aes-256-cbc -kfile /run/secrets/dump-key -in /backup/keys.enc
rabbitmqctl add_user standby "$(cat /run/secrets/rabbit)"
