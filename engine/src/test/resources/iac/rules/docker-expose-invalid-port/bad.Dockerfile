FROM alpine:3.20
EXPOSE 8080
# expect
EXPOSE 80800/tcp
USER app
