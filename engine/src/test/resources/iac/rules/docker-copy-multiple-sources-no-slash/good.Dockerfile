FROM alpine:3.20
COPY package.json package-lock.json /app/
COPY src /app/src
USER app
