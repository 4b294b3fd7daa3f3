FROM debian:12.5
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*
RUN apt-get -qq install --no-install-recommends jq=1.6-2.1
USER app
