FROM alpine:3.20
RUN apk add --no-cache /tmp/agent-1.2.apk
USER app
