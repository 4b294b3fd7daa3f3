FROM golang:1.22 AS build
HEALTHCHECK CMD true
# expect
FROM gcr.io/distroless/static:nonroot
USER nonroot
