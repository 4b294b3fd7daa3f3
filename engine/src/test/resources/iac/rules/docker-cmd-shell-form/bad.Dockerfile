FROM alpine:3.20
USER app
# expect
CMD node server.js
