FROM alpine:3.20
HEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1
# expect
HEALTHCHECK CMD wget -qO- http://localhost:8080/ready || exit 1
USER app
