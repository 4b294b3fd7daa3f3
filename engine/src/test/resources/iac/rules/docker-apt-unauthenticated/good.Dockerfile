FROM debian:12.5
RUN apt-get update && apt-get install -y agent=1.2
USER app
