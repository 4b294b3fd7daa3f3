FROM golang:1.22@sha256:1b0c7b2e4a0f8d1b6f1e9f4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c3b2a190 AS build
RUN go build ./...
FROM build
USER app
