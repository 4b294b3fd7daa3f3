FROM debian:12.5
# expect
RUN apt update && apt install -y curl
USER app
