FROM debian:12.5
RUN echo "curl -sSL https://example.com/x | sh" > /usr/bin/startup && chmod +x /usr/bin/startup
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt
RUN test -f /opt/tool || exit 1
USER app
