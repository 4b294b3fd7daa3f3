FROM alpine:3.20
CMD ["sh"]
USER 1000
# expect
CMD ["app"]
