#!/bin/sh
set -eu
export DATABASE_URL=postgres://deployer:GIZEG8pSH4487q@db.internal:5432/orders
curl -X POST -d '{"text":"deployed"}' https://hooks.slack.com/services/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
mysqldump -h db.internal -uroot -pWv3!kR8qZm orders > /tmp/orders.sql
