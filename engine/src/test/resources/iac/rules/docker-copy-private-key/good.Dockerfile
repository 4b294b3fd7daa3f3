FROM alpine:3.20
RUN --mount=type=ssh git clone git@github.com:example/private.git
USER 1000
