FROM golang:1.22 AS build-go
RUN go build ./...
FROM node:20.11 AS build-web
RUN npm ci
FROM alpine:3.20
USER app
