FROM alpine:3.20
USER 1000
ENTRYPOINT ["app"]
CMD ["--help"]
