FROM rockylinux:9.3
RUN echo "sslcacert=/etc/pki/tls/certs/corp.pem" >> /etc/yum.conf
USER app
