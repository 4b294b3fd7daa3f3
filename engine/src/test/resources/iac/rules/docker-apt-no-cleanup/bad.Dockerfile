FROM ubuntu:24.04
# expect
RUN apt-get update && apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10
USER 1000
