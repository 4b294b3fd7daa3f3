FROM debian:12.5
# expect
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt
USER app
