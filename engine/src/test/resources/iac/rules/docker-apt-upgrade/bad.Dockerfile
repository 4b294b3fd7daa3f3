FROM ubuntu:24.04
# expect
RUN apt-get update && apt-get -y dist-upgrade && rm -rf /var/lib/apt/lists/*
USER 1000
