FROM alpine:3.20
RUN git config --global http.sslCAInfo /etc/ssl/certs/corp-ca.pem
USER app
