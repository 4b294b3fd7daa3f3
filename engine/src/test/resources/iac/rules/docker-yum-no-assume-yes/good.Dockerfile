FROM rockylinux:9.3
RUN dnf install -y httpd-2.4.57 && dnf clean all
RUN microdnf install httpd-2.4.57 && microdnf clean all
USER app
