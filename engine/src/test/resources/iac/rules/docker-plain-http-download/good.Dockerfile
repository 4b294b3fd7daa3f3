FROM debian:12.5
RUN curl -fsSLo /tmp/tool.deb https://downloads.example.com/tool.deb
HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
USER app
