FROM alpine:3.20
RUN wget -qO /tmp/a https://example.com/a
# expect
RUN curl -fsSLo /tmp/b https://example.com/b
USER app
