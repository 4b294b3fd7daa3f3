FROM debian:12.5
# expect
RUN apt-get update && apt-get install -y --allow-unauthenticated agent=1.2
USER app
