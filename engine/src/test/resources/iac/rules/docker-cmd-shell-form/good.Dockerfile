FROM alpine:3.20
USER app
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "server.js"]
