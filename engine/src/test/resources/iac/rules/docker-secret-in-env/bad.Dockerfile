FROM alpine:3.20
# expect
ENV APP_ENV=prod DB_PASSWORD=hunter2hunter2
USER 1000
