FROM alpine:3.20
# expect
COPY package.json package-lock.json /app
USER app
