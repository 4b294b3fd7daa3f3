FROM golang:1.22
RUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1
RUN go install ./cmd/server
USER app
