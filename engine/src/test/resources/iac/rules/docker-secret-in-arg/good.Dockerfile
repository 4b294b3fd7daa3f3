FROM alpine:3.20
ARG APP_VERSION=1.0.0
RUN --mount=type=secret,id=npm_token cat /run/secrets/npm_token > /dev/null
USER 1000
