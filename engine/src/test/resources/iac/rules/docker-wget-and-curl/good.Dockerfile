FROM alpine:3.20
RUN wget -qO /tmp/a https://example.com/a
RUN wget -qO /tmp/b https://example.com/b
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
USER app
