FROM alpine:3.20
# expect
WORKDIR app
USER 1000
