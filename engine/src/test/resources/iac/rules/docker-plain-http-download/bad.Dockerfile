FROM debian:12.5
# expect
RUN curl -fsSLo /tmp/tool.deb http://downloads.example.com/tool.deb
# expect
ADD http://downloads.example.com/config.tar /opt/
USER app
