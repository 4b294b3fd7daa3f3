#!/bin/sh
# restore the nightly dump on the standby
set -e
mongorestore --host standby -u restore -p Qm4vT8kz2W --authenticationDatabase admin /backup/latest
7z x -pAr9Lw3Nq7e /backup/files.7z -o/srv/files
openssl enc -d -aes-256-cbc -k Ek7Hq2Rw9z -in /backup/keys.enc -out /srv/keys.tar
rabbitmqctl add_user standby Rq8Tw2Lk7m
