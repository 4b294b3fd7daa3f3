FROM debian:12.5
# expect
ADD https://example.com/tool.tar.gz /opt/
USER 1000
