FROM alpine:3.20
# expect
COPY id_rsa /root/.ssh/id_rsa
USER 1000
