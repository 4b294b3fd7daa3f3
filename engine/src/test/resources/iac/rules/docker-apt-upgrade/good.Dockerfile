FROM ubuntu:24.04
RUN apt-get update && rm -rf /var/lib/apt/lists/*
USER 1000
