FROM debian:12.5
# expect
ADD config.yaml /etc/app/config.yaml
USER 1000
