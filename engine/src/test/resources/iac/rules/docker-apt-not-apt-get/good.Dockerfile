FROM debian:12.5
RUN apt-get update && apt-get install -y curl && apt-cache policy curl
USER app
