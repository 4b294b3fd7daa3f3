FROM golang:1.22
# expect
RUN go install github.com/go-delve/delve/cmd/dlv@latest
USER app
