FROM alpine:3.20
# expect
RUN apk add --no-cache curl=8.9.1-r0 jq
USER app
