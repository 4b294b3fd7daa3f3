FROM alpine:3.20
# expect
RUN apk add --no-cache --allow-untrusted /tmp/agent-1.2.apk
USER app
