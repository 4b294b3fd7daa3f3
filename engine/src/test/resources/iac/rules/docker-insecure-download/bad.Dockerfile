FROM alpine:3.20
# expect
RUN wget --no-check-certificate -O /tmp/tool https://example.com/tool
USER 1000
