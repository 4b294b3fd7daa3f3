FROM alpine:3.20
RUN chmod -R 750 /app
USER 1000
