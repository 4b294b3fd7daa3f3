FROM golang:1.22 AS build
RUN go build ./...
# expect
FROM node:20.11 AS build
RUN npm ci
FROM alpine:3.20
USER app
