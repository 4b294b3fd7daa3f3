FROM rockylinux:9.3
# expect
RUN echo "sslverify=0" >> /etc/yum.conf
USER app
