FROM alpine:3.20
# expect
RUN git config --global http.sslVerify false
USER app
