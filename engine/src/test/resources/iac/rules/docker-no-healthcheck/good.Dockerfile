FROM golang:1.22 AS build
FROM gcr.io/distroless/static:nonroot
USER nonroot
HEALTHCHECK --interval=30s CMD ["/app", "health"]
