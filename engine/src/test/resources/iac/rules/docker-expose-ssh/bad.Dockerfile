FROM ubuntu:24.04
# expect
EXPOSE 80 22/tcp
USER 1000
