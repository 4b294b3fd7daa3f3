FROM alpine:3.20
RUN apk add --no-cache --virtual .build curl=8.9.1-r0 jq=1.7.1-r0
USER app
