FROM alpine:3.20
RUN wget -O /tmp/tool https://example.com/tool
USER 1000
