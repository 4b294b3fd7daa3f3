FROM alpine:3.20
# expect
RUN chmod -R 777 /app
USER 1000
