FROM alpine:3.20
ENV APP_ENV=prod DB_PASSWORD_FILE=/run/secrets/db_password
USER 1000
