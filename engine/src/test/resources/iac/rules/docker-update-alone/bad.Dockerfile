FROM debian:12.5
# expect
RUN apt-get update
RUN apt-get install -y curl
USER app
