FROM rockylinux:9.3
# expect
RUN dnf install httpd-2.4.57 && dnf clean all
USER app
