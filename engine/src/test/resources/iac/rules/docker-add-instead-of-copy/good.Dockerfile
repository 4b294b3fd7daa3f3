FROM debian:12.5
COPY config.yaml /etc/app/config.yaml
ADD rootfs.tar.gz /
USER 1000
